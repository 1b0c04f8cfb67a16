using OneThing.Host.Persistence;
using OneThing.Host.Protection;

namespace OneThing.Host.Hosting;

/// <summary>Commands the host binary runs instead of serving: <c>migrate</c>, <c>reencrypt</c>.</summary>
public static class HostCommands
{
    public static bool IsMigrateCommand(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase);

    public static bool IsReencryptCommand(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "reencrypt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Rewrites every protected value under <c>Protection:ActiveKey</c> and recomputes the lookup hashes
    /// (<see cref="Reencryption"/>): after a key rotation, and once after the <c>FieldEncryption</c> migration.
    /// </summary>
    public static async Task<int> ReencryptAsync(WebApplication app)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<Reencryption>().RunAsync();
            app.Logger.LogInformation("Re-encrypted {Rows} rows under key {Key}.", report.Rows, scope.ServiceProvider.GetRequiredService<FieldProtector>().ActiveKeyId);
            return 0;
        }
        catch (Exception ex)
        {
            app.Logger.LogCritical(ex, "Re-encryption failed.");
            return 1;
        }
    }

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
