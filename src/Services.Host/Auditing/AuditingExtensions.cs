using Microsoft.EntityFrameworkCore.Diagnostics;
using OneThing.Host.Hosting;
using OneThing.Integrations.Exchanges;

namespace OneThing.Host.Auditing;

public static class AuditingExtensions
{
    /// <summary>
    /// The audit trail: the save interceptor that records state changes, the recorder of outside exchanges, the
    /// chainer that runs on every node (section <c>Audit</c>, see <see cref="AuditOptions"/>) and the verifier.
    /// </summary>
    public static IHostApplicationBuilder AddAuditing(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuditOptions>(AuditOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditSaveInterceptor>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditSaveInterceptor>());
        builder.Services.AddSingleton<IExchangeRecorder, AuditExchangeRecorder>();
        builder.Services.AddSingleton<AuditChainer>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddHostedService<AuditChainWorker>();
        return builder;
    }
}
