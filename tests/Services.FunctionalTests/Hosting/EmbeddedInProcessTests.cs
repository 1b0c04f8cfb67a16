using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Contracts.Notifications;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Persistence;
using OneThing.Workflows.Messaging;

namespace OneThing.FunctionalTests.Hosting;

public sealed class EmbeddedInProcessTests(EmbeddedHostFixture embedded) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task Outbox_on_SQLite_delivers_through_the_in_memory_bus_and_a_user_reads_it()
    {
        var bus = embedded.Factory.Services.GetRequiredService<IBus>();
        Assert.Equal("loopback", bus.Address.Scheme);

        using var client = await embedded.Factory.CreateApiClient().AuthorizeAsync("wangqiang");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var userId = me.GetProperty("subject").GetString()!;

        await using (var scope = embedded.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Publish(new NotificationRequested(Guid.NewGuid(), userId, "退休资格审批已通过", "请留意养老金核定结果。", null));
            await db.SaveChangesAsync();
        }

        JsonElement page = default;
        await Eventually.HoldsAsync(async () =>
        {
            page = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
            return page.GetProperty("total").GetInt32() == 1;
        }, "the notification reaches the user's inbox");

        var item = page.GetProperty("items")[0];
        Assert.Equal("退休资格审批已通过", item.GetProperty("title").GetString());
        Assert.False(item.GetProperty("read").GetBoolean());

        var marked = await client.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { item.GetProperty("id").GetGuid() } });
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());

        // Another applicant cannot see or mark it.
        using var other = await embedded.Factory.CreateApiClient().AuthorizeAsync("liuyang");
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("total").GetInt32());
        var foreign = await other.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { item.GetProperty("id").GetGuid() } });
        Assert.Equal(0, (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
    }

    [Fact]
    public async Task OpenAPI_document_marks_protected_operations_with_the_bearer_scheme()
    {
        using var client = embedded.Factory.CreateApiClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());

        var me = document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        Assert.True(me.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.True(me.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Embedded_default_migrated_itself_and_holds_the_department_catalogue()
    {
        await using var scope = embedded.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Departments.Select(d => d.Code).ToListAsync(), code => code == "real-estate");
    }
}
