using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Messaging;

/// <summary>Section <c>Messaging</c>: the bus transport. The embedded default is MassTransit's in-memory transport.</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (embedded default, one process only) or <c>RabbitMq</c>.</summary>
    [Required]
    public string Transport { get; set; } = "InMemory";

    /// <summary>Broker address for RabbitMQ, e.g. <c>amqp://user:password@rabbit:5672/onething</c>.</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>Poll interval of the outbox dispatcher when no save signalled it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node holds a claimed outbox batch before another node may send it (after a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesRabbitMq => string.Equals(Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesRabbitMq && !string.Equals(Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"'{Transport}' is not a supported transport; use InMemory or RabbitMq.", [nameof(Transport)]);
        }

        if (UsesRabbitMq && !(Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"))
        {
            yield return new ValidationResult("RabbitMq transport needs RabbitMqUri, an amqp:// or amqps:// address.", [nameof(RabbitMqUri)]);
        }
    }
}
