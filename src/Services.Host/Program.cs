using Microsoft.Extensions.Options;
using OneThing.Host.Admin;
using OneThing.Host.Auditing;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Clerk;
using OneThing.Host.Documents;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OneThing.Host.Identity;
using OneThing.Host.Messaging;
using OneThing.Host.Notifications;
using OneThing.Host.Persistence;
using OneThing.Host.Portal;
using OneThing.Host.Protection;
using OneThing.Host.Privacy;
using OneThing.Host.Sandbox;
using OneThing.Integrations;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddHostBasics();
    builder.AddLogMasking();
    builder.AddPersistence();
    builder.AddFieldProtection();
    builder.AddAuditing();
    builder.AddMessaging();
    builder.AddUnifiedIdentity();
    builder.AddAbuseLimits();
    builder.AddWorkflowRuntime();
    builder.AddCases();
    builder.AddDocuments();
    builder.AddIntegrations();
    builder.AddSandbox();

    var app = builder.Build();
    app.RequireFieldKeys();

    // `dotnet Services.Host.dll migrate` applies migrations to the configured database and exits.
    if (HostCommands.IsMigrateCommand(args))
    {
        return await HostCommands.MigrateAsync(app);
    }

    // `dotnet Services.Host.dll reencrypt` rewrites every protected value under the active key and exits.
    if (HostCommands.IsReencryptCommand(args))
    {
        return await HostCommands.ReencryptAsync(app);
    }

    app.UseHostBasics();
    app.UseUnifiedIdentity();
    app.UseAbuseLimits();
    app.UseMiddleware<JsonInputGuard>();

    app.MapHostEndpoints();
    app.MapIdentityEndpoints();
    app.MapPortalApi();
    app.MapJourneysApi();
    app.MapCasesApi();
    app.MapEvaluationsApi();
    app.MapMyLicencesApi();
    app.MapNotificationsApi();
    app.MapClerkApi();
    app.MapRectificationsApi();
    app.MapCalendarApi();
    app.MapStatisticsApi();
    app.MapDocumentsApi();
    app.MapCalendarsAdminApi();
    app.MapWorkflowsAdminApi();
    app.MapInstancesAdminApi();
    app.MapAuditApi();

    await app.PrepareDatabaseAsync();
    await app.LoadWorkflowDefinitionsAsync();
    app.LogStartupBanner();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or StartupCheckException)
{
    // A wrong setting or an unprepared database: say which, plainly, and stop.
    var reasons = ex is OptionsValidationException options ? options.Failures : [ex.Message];
    await Console.Error.WriteLineAsync("OneThing cannot start:");
    foreach (var reason in reasons)
    {
        await Console.Error.WriteLineAsync($"  - {reason}");
    }

    return 2;
}

/// <summary>Entry point type, public so functional tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
