using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Hosting;
using OneThing.Integrations.Sms;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// DEVELOPMENT ONLY: the sandbox SMS gateway under <c>/sms/v1</c>. It sends nothing: it stores each message once
/// per Idempotency-Key and lists what a phone was sent, so tests and demos can read the texts.
/// </summary>
internal static partial class SmsGatewayApi
{
    public const string Prefix = "/sms/v1";

    public static IEndpointRouteBuilder MapSandboxSmsGateway(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapPost("/messages", Send);
        api.MapGet("/messages", List);
        return app;
    }

    /// <summary>201 with the receipt; 200 with the first receipt when the Idempotency-Key was seen before.</summary>
    private static async Task<Results<Created<SmsReceipt>, Ok<SmsReceipt>>> Send(SmsBody body, HttpRequest request, SandboxStore store, CancellationToken cancellationToken)
    {
        var key = SandboxProblems.IdempotencyKey(request);
        var messages = store.Db.Set<SandboxSmsMessage>();
        if (await messages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken) is { } repeated)
        {
            return TypedResults.Ok(SameMessage(repeated, body));
        }

        var errors = new List<FieldError>();
        if (body.PhoneNumber is null || !MobileNumber().IsMatch(body.PhoneNumber))
        {
            errors.Add(new FieldError("#/phoneNumber", "invalid_phone_number", "phoneNumber must be a mainland mobile number (11 digits starting 13–19).", "phoneNumber 须为 11 位大陆手机号码。"));
        }

        SandboxProblems.Text(errors, "text", body.Text, 1000);
        SandboxProblems.ThrowIfAny(errors);

        var message = new SandboxSmsMessage
        {
            Id = Guid.CreateVersion7(),
            PhoneNumber = body.PhoneNumber!,
            Text = body.Text!,
            IdempotencyKey = key,
            AcceptedAt = store.Now,
        };
        messages.Add(message);
        try
        {
            await store.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once: the other request stored it.
            store.Db.ChangeTracker.Clear();
            var raced = await messages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
            return raced is null ? throw new InvalidOperationException("The SMS message could not be stored.") : TypedResults.Ok(SameMessage(raced, body));
        }

        return TypedResults.Created($"{Prefix}/messages/{message.Id}", Receipt(message));
    }

    /// <summary>Stored messages, newest first, optionally of one phone number.</summary>
    private static async Task<Ok<List<SmsMessageView>>> List(string? phoneNumber, SandboxStore store, CancellationToken cancellationToken)
    {
        var messages = store.Db.Set<SandboxSmsMessage>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(phoneNumber))
        {
            messages = messages.Where(m => m.PhoneNumber == phoneNumber);
        }

        var rows = await messages.OrderByDescending(m => m.AcceptedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(m => new SmsMessageView(m.Id.ToString(), m.PhoneNumber, m.Text, m.AcceptedAt)).ToList());
    }

    private static SmsReceipt SameMessage(SandboxSmsMessage message, SmsBody body) =>
        message.PhoneNumber == body.PhoneNumber && message.Text == body.Text
            ? Receipt(message)
            : throw new ProblemException(SandboxProblems.IdempotencyKeyReused,
                "This Idempotency-Key was used for a different message; use a new key for a new message.",
                "该 Idempotency-Key 已用于另一条短信，新的短信请使用新的键。");

    private static SmsReceipt Receipt(SandboxSmsMessage message) => new(message.Id.ToString(), message.AcceptedAt);

    [GeneratedRegex(@"^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();
}

/// <summary>Body of <c>POST /messages</c>.</summary>
internal sealed record SmsBody(string? PhoneNumber, string? Text);

/// <summary>A stored message as <c>GET /messages</c> lists it.</summary>
internal sealed record SmsMessageView(string MessageId, string PhoneNumber, string Text, DateTimeOffset AcceptedAt);
