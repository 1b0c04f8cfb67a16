using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

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
        account.MapPost("/login", LoginAsync);
    }

    public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

    private static async Task<IResult> LoginAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, [FromForm] LoginForm form)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            return Page(context, antiforgery, returnUrl, "请输入用户名和密码 · Enter your user name and password.", StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(returnUrl);
        }

        var message = result.IsLockedOut
            ? "登录失败次数过多，账号已临时锁定，请稍后再试 · Too many failed attempts; the account is locked for a while."
            : "用户名或密码错误 · The user name or password is wrong.";
        return Page(context, antiforgery, returnUrl, message, StatusCodes.Status401Unauthorized);
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
