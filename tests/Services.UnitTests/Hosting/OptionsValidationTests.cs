using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneThing.Host.Hosting;
using OneThing.Host.Messaging;
using OneThing.Host.Persistence;

namespace OneThing.UnitTests.Hosting;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Unknown_database_provider_is_named_with_the_supported_ones()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            ValidatedOptions.Validate(new DatabaseOptions { Provider = "Oracle" }, DatabaseOptions.Section));
        var failure = Assert.Single(error.Failures);
        Assert.Contains("Database:Provider", failure);
        Assert.Contains("Sqlite, Postgres, SqlServer", failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost:5672")]
    [InlineData("http://rabbit:15672")]
    public void RabbitMq_transport_needs_an_amqp_address(string? uri)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            ValidatedOptions.Validate(new MessagingOptions { Transport = "RabbitMq", RabbitMqUri = uri }, MessagingOptions.Section));
        Assert.Contains("Messaging:RabbitMqUri", Assert.Single(error.Failures));
    }

    [Theory]
    [InlineData("InMemory", null)]
    [InlineData("RabbitMq", "amqp://guest:guest@127.0.0.1:5672/")]
    [InlineData("rabbitmq", "amqps://user:secret@rabbit.internal/onething")]
    public void Valid_transports_pass(string transport, string? uri) =>
        ValidatedOptions.Validate(new MessagingOptions { Transport = transport, RabbitMqUri = uri }, MessagingOptions.Section);

    [Fact]
    public void Embedded_default_is_SQLite_and_sandbox_follows_it_unless_set()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        Assert.Equal(new HostProfile(Embedded: true, Sandbox: true), HostProfile.From(Config()));
        Assert.Equal(new HostProfile(Embedded: false, Sandbox: false), HostProfile.From(Config(("Database:Provider", "Postgres"))));
        Assert.Equal(new HostProfile(Embedded: false, Sandbox: true), HostProfile.From(Config(("Database:Provider", "SqlServer"), ("Sandbox:Enabled", "true"))));
        Assert.Equal(new HostProfile(Embedded: true, Sandbox: false), HostProfile.From(Config(("Sandbox:Enabled", "false"))));
    }
}
