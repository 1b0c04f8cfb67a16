using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Duende.IdentityModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Identity;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// Five failed sign-ins in a row lock an account for fifteen minutes on every sign-in path; the answer says until
/// when, and a name that does not exist is answered exactly like one that does.
/// </summary>
public sealed partial class LockoutTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Password = "Lockout-test-pw-1"; // dev-only: a throwaway account the test creates

    [Fact]
    public async Task Five_failures_lock_the_account_until_a_stated_time_and_a_success_in_between_resets_the_count()
    {
        var userName = await CreateUserAsync();
        using var client = Platform.Factory.CreateApiClient();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await Tokens.ForUserAsync(client, userName, "wrong-password");
            Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, wrong.Error);
            Assert.Equal("The user name or password is wrong.", wrong.ErrorDescription);
        }

        // A success starts the count again: four more failures do not lock.
        Assert.False((await Tokens.ForUserAsync(client, userName, Password)).IsError);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("The user name or password is wrong.", (await Tokens.ForUserAsync(client, userName, "wrong-password")).ErrorDescription);
        }

        Assert.False((await Tokens.ForUserAsync(client, userName, Password)).IsError);

        for (var i = 0; i < 4; i++)
        {
            await Tokens.ForUserAsync(client, userName, "wrong-password");
        }

        var before = DateTimeOffset.UtcNow;
        var fifth = await Tokens.ForUserAsync(client, userName, "wrong-password");
        var until = LockedUntil(fifth.ErrorDescription);
        Assert.InRange(until, before.AddMinutes(15).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(2));

        // Locked: even the right password is refused, on the token endpoint and on the sign-in page.
        var right = await Tokens.ForUserAsync(client, userName, Password);
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, right.Error);
        Assert.Equal(until, LockedUntil(right.ErrorDescription));

        var page = await SignInOnPageAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("账号已锁定至", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(page.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("onething.session", StringComparison.Ordinal)));

        await using var scope = Platform.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!));
    }

    [Fact]
    public async Task Failures_on_the_sign_in_page_lock_the_account_for_the_token_endpoint_too()
    {
        var userName = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            var page = await SignInOnPageAsync(userName, "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        }

        using var client = Platform.Factory.CreateApiClient();
        var token = await Tokens.ForUserAsync(client, userName, Password);
        Assert.Contains("locked", token.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_like_a_real_one_wrong_then_locked()
    {
        var real = await CreateUserAsync();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var client = Platform.Factory.CreateApiClient();

        for (var i = 0; i < 4; i++)
        {
            var forReal = await Tokens.ForUserAsync(client, real, "wrong-password");
            var forUnknown = await Tokens.ForUserAsync(client, unknown, "wrong-password");
            Assert.Equal(forReal.Error, forUnknown.Error);
            Assert.Equal(forReal.ErrorDescription, forUnknown.ErrorDescription);
            Assert.Equal(forReal.HttpStatusCode, forUnknown.HttpStatusCode);
        }

        var realLocked = await Tokens.ForUserAsync(client, real, "wrong-password");
        var unknownLocked = await Tokens.ForUserAsync(client, unknown, "wrong-password");
        Assert.Equal(realLocked.Error, unknownLocked.Error);
        Assert.InRange(LockedUntil(unknownLocked.ErrorDescription) - LockedUntil(realLocked.ErrorDescription), TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(2));
        Assert.Equal(LockedUntil(unknownLocked.ErrorDescription), LockedUntil((await Tokens.ForUserAsync(client, unknown, "anything")).ErrorDescription));
    }

    private async Task<string> CreateUserAsync()
    {
        await using var scope = Platform.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "lockout-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "锁定测试", RegionCode = "371702" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return user.UserName;
    }

    private async Task<HttpResponseMessage> SignInOnPageAsync(string userName, string password)
    {
        using var client = Platform.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = OneThingAppFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true,
        });
        var form = await client.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "the sign-in page carries an antiforgery field");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
    }

    private static DateTimeOffset LockedUntil(string? description)
    {
        var match = UntilPattern().Match(description ?? string.Empty);
        Assert.True(match.Success, $"'{description}' says until when the account is locked");
        return DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex(@"locked after repeated failed sign-ins until (\S+Z);")]
    private static partial Regex UntilPattern();

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
