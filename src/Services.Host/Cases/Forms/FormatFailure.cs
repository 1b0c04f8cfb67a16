namespace OneThing.Host.Cases.Forms;

/// <summary>Why a value does not match one of the form formats: a stable code and the message in English and Chinese.</summary>
public sealed record FormatFailure(string Code, string Message, string MessageZh);
