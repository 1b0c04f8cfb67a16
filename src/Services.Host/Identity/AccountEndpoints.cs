using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;

namespace OneThing.Host.Identity;

/// <summary>
/// The sign-in page of the authorization-code flow (统一身份认证). A plain server-rendered form with
/// antiforgery protection; the portal and the designer never see the password.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription().AllowAnonymous();
        account.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, SafeReturnUrl(returnUrl), error: null));
        account.MapPost("/login", LoginAsync).RequireAbuseLimits(AbuseLimit.Login).WithMaxRequestBody(RequestBodyLimits.Form);
    }

    public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

    private static async Task<IResult> LoginAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, PasswordSignIn signInCheck, [FromForm] LoginForm form)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            return Page(context, antiforgery, returnUrl, "请输入用户名和密码 · Enter your user name and password.", StatusCodes.Status400BadRequest);
        }

        switch (await signInCheck.CheckAsync(form.UserName, form.Password))
        {
            case PasswordSignInResult.Succeeded ok:
                await signIn.SignInAsync(ok.User, isPersistent: false);
                return Results.LocalRedirect(returnUrl);
            case PasswordSignInResult.Throttled throttled:
                return new TooManyRequestsResult(throttled.RetryAfter);
            case PasswordSignInResult.LockedOut locked:
                var until = locked.Until.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                return Page(context, antiforgery, returnUrl,
                    $"登录失败次数过多，账号已锁定至 {until}（北京时间），请届时再试 · Too many failed attempts; the account is locked until {until} (UTC+8).",
                    StatusCodes.Status401Unauthorized);
            default:
                return Page(context, antiforgery, returnUrl, "用户名或密码错误 · The user name or password is wrong.", StatusCodes.Status401Unauthorized);
        }
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var errorHtml = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>统一身份认证 · OneThing sign-in</title>
              <style>
                body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; background: #f4f6f9; display: grid; place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 12px #0002; width: 20rem; }
                h1 { font-size: 1.3rem; margin: 0 0 1.2rem; color: #b3171d; }
                label { display: block; margin: .8rem 0 .3rem; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
                button { margin-top: 1.2rem; width: 100%; padding: .6rem; font-size: 1rem; background: #b3171d; color: #fff; border: 0; border-radius: 4px; }
                .error { color: #b3171d; }
              </style>
            </head>
            <body>
              <form method="post" action="/account/login">
                <h1>一件事一次办 · 统一身份认证</h1>
                {{errorHtml}}
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
                <label for="userName">用户名 · User name</label>
                <input id="userName" name="userName" type="text" autocomplete="username" required autofocus>
                <label for="password">密码 · Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">登录 · Sign in</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
