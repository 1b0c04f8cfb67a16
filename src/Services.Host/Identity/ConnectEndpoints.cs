using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Identity;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us: it has already validated the protocol
/// (client, redirect URI, PKCE, grant permissions); these handlers decide who the subject is.
/// </summary>
public static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription().AllowAnonymous();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        connect.MapPost("/token", TokenAsync).DisableAntiforgery()
            .RequireAbuseLimits(AbuseLimit.Login).WithMaxRequestBody(RequestBodyLimits.Form);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute
            {
                AuthenticationSchemes = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            });
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).DisableAntiforgery();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<AppUser> users, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.LoginRequired, "The user is not signed in.");
            }

            // Off to the login page; it comes back here with the same request.
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                request.GetParameters().Where(p => p.Key != Parameters.Prompt)
                    .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.CreateAsync(user, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        PasswordSignIn signInCheck,
        PrincipalFactory principals,
        IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsPasswordGrantType())
        {
            // Only registered when the sandbox profile is on (scripts, tests, curl examples).
            return await signInCheck.CheckAsync(request.Username, request.Password) switch
            {
                PasswordSignInResult.Succeeded ok => Results.SignIn(await principals.CreateAsync(ok.User, request.GetScopes()),
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme),
                PasswordSignInResult.LockedOut locked => Reject(Errors.InvalidGrant,
                    "The account is locked after repeated failed sign-ins until "
                    + locked.Until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "; try again then."),
                PasswordSignInResult.Throttled throttled => new TooManyRequestsResult(throttled.RetryAfter),
                _ => Reject(Errors.InvalidGrant, "The user name or password is wrong."),
            };
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client was validated but cannot be found.");
            var properties = await applications.GetPropertiesAsync(application);
            var department = properties.TryGetValue(OneThingClaims.Department, out var value) ? value.GetString() : null;
            var principal = PrincipalFactory.CreateForClient(
                request.ClientId!, await applications.GetDisplayNameAsync(application) ?? request.ClientId!, department, request.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Reject(Errors.InvalidGrant, "The account can no longer sign in.");
            }

            // Claims are rebuilt from the account so a changed role or department takes effect at refresh.
            return Results.SignIn(await principals.CreateAsync(user, result.Principal!.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Reject(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static IResult UserInfoAsync(ClaimsPrincipal user)
    {
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.GetClaim(Claims.Subject),
        };
        if (user.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.GetClaim(Claims.Name);
            claims[Claims.PreferredUsername] = user.GetClaim(Claims.PreferredUsername);
            claims[OneThingClaims.AssuranceLevel] = user.GetClaim(OneThingClaims.AssuranceLevel);
        }

        if (user.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = user.GetClaims(Claims.Role);
            claims[OneThingClaims.Department] = user.GetClaim(OneThingClaims.Department);
            claims[OneThingClaims.Region] = user.GetClaim(OneThingClaims.Region);
        }

        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Reject(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
