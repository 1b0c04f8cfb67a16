using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using OneThing.Host.Hosting;
using OneThing.Host.Persistence;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// Users and roles (ASP.NET Core Identity on the application database) and the OpenIddict server that
    /// issues tokens to the portal, the designer and department systems, with local token validation for our APIs.
    /// </summary>
    public static IHostApplicationBuilder AddUnifiedIdentity(this IHostApplicationBuilder builder)
    {
        var profile = HostProfile.From(builder.Configuration);
        var options = builder.AddValidatedOptions<IdentityServerOptions>(IdentityServerOptions.Section);
        var requireHttps = options.RequireHttps ?? !profile.Embedded;
        var (signing, encryption) = LoadCertificates(options, profile);
        var lockout = builder.AddValidatedOptions<LockoutOptions>(LockoutOptions.Section);

        builder.Services.AddIdentityCore<AppUser>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                identity.Password.RequiredLength = 10;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = lockout.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = lockout.Duration;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                cookie.LoginPath = "/account/login";
                // __Host-: the browser keeps it only if Secure, host-only and Path=/, so no subdomain can plant or
                // read it. The embedded default may run on plain HTTP, where a Secure cookie would be dropped.
                cookie.Cookie.Name = CookieName("onething.session", requireHttps);
                cookie.Cookie.Path = "/";
                cookie.Cookie.HttpOnly = true;
                // Lax, not Strict: a portal on another site sends the browser to /connect/authorize, and the
                // session must come along on that top-level navigation.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAuthorization(AuthorizationPolicies.Add);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = CookieName("onething.antiforgery", requireHttps);
            antiforgery.Cookie.Path = "/";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict; // only our own sign-in form posts it back
            antiforgery.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            antiforgery.SuppressXFrameOptionsHeader = true; // the security headers set X-Frame-Options on every response
        });
        builder.Services.AddMemoryCache();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                if (profile.Sandbox)
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, OneThingClaims.ApiScope);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                if (signing is not null && encryption is not null)
                {
                    server.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
                }
                else
                {
                    // Embedded default only (LoadCertificates refuses anything else): self-issued keys
                    // kept in the current user's certificate store. Never for a real installation.
                    server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        builder.Services.AddScoped<PrincipalFactory>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<IDataSeeder, IdentitySeeder>();
        return builder;
    }

    public static WebApplication UseUnifiedIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapConnectEndpoints();
        app.MapAccountEndpoints();
        return app;
    }

    /// <summary>The cookie's name, with the <c>__Host-</c> prefix whenever cookies are always Secure.</summary>
    public static string CookieName(string name, bool secure) => secure ? "__Host-" + name : name;

    private static (X509Certificate2? Signing, X509Certificate2? Encryption) LoadCertificates(IdentityServerOptions options, HostProfile profile)
    {
        if (options.HasCertificates)
        {
            return (Load(options.SigningCertificate!, "SigningCertificate"), Load(options.EncryptionCertificate!, "EncryptionCertificate"));
        }

        if (!profile.Embedded)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions),
            [
                "Identity:SigningCertificate and Identity:EncryptionCertificate (Path, Password) must be configured: "
                + "development keys are only used by the embedded SQLite default.",
            ]);
        }

        return (null, null);
    }

    private static X509Certificate2 Load(CertificateFile file, string name)
    {
        if (!File.Exists(file.Path))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions),
                [$"Identity:{name}:Path '{file.Path}' does not exist."]);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions),
                [$"Identity:{name} '{file.Path}' holds no private key."]);
        }

        return certificate;
    }
}
