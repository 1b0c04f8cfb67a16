using System.Security.Cryptography.X509Certificates;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Hosting;

namespace OneThing.Host.Documents;

public static class DocumentsExtensions
{
    /// <summary>
    /// Result documents (section <c>Documents</c>): when enabled, registers <see cref="DocumentService"/>, its
    /// renderer, sealer and seal provider, and <see cref="PdfSignatureVerifier"/> trusting the seal authorities.
    /// With documents enabled, a missing font stops the boot with the install command, and so do development seals
    /// on a host that is neither the embedded default nor the sandbox; development seals are issued at first start.
    /// </summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<DocumentOptions>(DocumentOptions.Section);
        if (!options.Enabled)
        {
            return builder;
        }

        var profile = HostProfile.From(builder.Configuration);
        if (options.SealSource == SealSource.Development && !profile.Embedded && !profile.Sandbox)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(DocumentOptions.Section, typeof(DocumentOptions),
            [
                "Documents:SealSource is Development (self-issued seals, never for real documents), which only the embedded "
                + "default and the sandbox may use: set Documents:SealSource to Files with Documents:Seals:<department code>:Path "
                + "and Documents:TrustedAuthorities, or Documents:Enabled to false.",
            ]);
        }

        var services = builder.Services;
        services.AddSingleton(_ => CjkFontResolver.Install(options.FontPath));
        services.AddSingleton<ResultDocumentRenderer>();
        services.AddSingleton(sp => new PdfSealer(sp.GetService<TimeProvider>()));
        services.AddSingleton<DocumentService>();
        services.AddScoped<CaseDocuments>();
        if (options.SealSource == SealSource.Development)
        {
            services.AddSingleton(sp => new DevelopmentSealProvider(
                options.SealDirectory,
                code => DepartmentSeeder.Catalogue.FirstOrDefault(d => d.Code == code)?.Name,
                options.SealKeyAlgorithm,
                sp.GetService<TimeProvider>()));
            services.AddSingleton<ISealProvider>(sp => sp.GetRequiredService<DevelopmentSealProvider>());
            // The national-algorithm layer (SM2 over SM3, GB/T 38540-shaped) with a DEVELOPMENT seal maker beside the seals.
            services.AddSingleton(sp => new NationalSeal.NationalSealService(
                NationalSeal.NationalSealMaker.OpenOrCreate(options.SealDirectory, sp.GetService<TimeProvider>()), options.SealDirectory, sp.GetService<TimeProvider>()));
            services.AddSingleton(sp => new PdfSignatureVerifier([sp.GetRequiredService<DevelopmentSealProvider>().Authority.Certificate]));
            services.AddHostedService<DevelopmentSealIssuer>();
        }
        else
        {
            services.AddSingleton<ISealProvider>(sp => new FileSealProvider(options.Seals, sp.GetService<TimeProvider>()));
            services.AddSingleton(_ => new PdfSignatureVerifier(options.TrustedAuthorities.Select(X509CertificateLoader.LoadCertificateFromFile)));
        }

        return builder;
    }
}
