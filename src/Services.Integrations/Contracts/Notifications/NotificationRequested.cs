namespace OneThing.Contracts.Notifications;

/// <summary>
/// A person is to be told something (case accepted, correction needed, result ready). Published through
/// the outbox by whatever changed state; delivered to the person's in-app inbox and, later, by SMS.
/// </summary>
/// <param name="NotificationId">Stable id of this notification, chosen by the sender.</param>
/// <param name="RecipientUserId">The account that receives it.</param>
/// <param name="Title">Short title shown in the list (Chinese, as shown to people).</param>
/// <param name="Body">The message text.</param>
/// <param name="CaseNumber">The case it concerns, if any.</param>
public sealed record NotificationRequested(
    Guid NotificationId,
    string RecipientUserId,
    string Title,
    string Body,
    string? CaseNumber);
