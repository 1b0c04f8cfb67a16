namespace OneThing.Host.Hosting;

/// <summary>A check at start-up failed (database not migrated, a file missing); the message says what to do.</summary>
public sealed class StartupCheckException(string message) : Exception(message);
