using OneThing.Host.Persistence;

namespace OneThing.Host.Hosting;

/// <summary>Commands the host binary runs instead of serving: <c>migrate</c>.</summary>
public static class HostCommands
{
    public static bool IsMigrateCommand(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> MigrateAsync(WebApplication app)
    {
        try
        {
            await DatabaseSetup.MigrateAndSeedAsync(app.Services);
            app.Logger.LogInformation("Database is up to date.");
            return 0;
        }
        catch (Exception ex)
        {
            app.Logger.LogCritical(ex, "Migration failed.");
            return 1;
        }
    }
}
