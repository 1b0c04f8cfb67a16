using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneThing.Host.Privacy;

public static class PrivacyExtensions
{
    /// <summary>
    /// Masks ID numbers, mobile numbers and bank cards in every log record, whichever provider writes it
    /// (<see cref="MaskingLoggerFactory"/>).
    /// </summary>
    public static IHostApplicationBuilder AddLogMasking(this IHostApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, MaskingLoggerFactory>());
        return builder;
    }
}
