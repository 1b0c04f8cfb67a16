using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OneThing.Host.Hosting;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, validates it at start-up (data annotations and
    /// <see cref="IValidatableObject"/>), and returns the validated values for decisions the composition root
    /// makes now (which database provider, which transport). A wrong setting fails the boot with a message
    /// naming the setting, not a request later.
    /// </summary>
    public static T AddValidatedOptions<T>(this IHostApplicationBuilder builder, string section)
        where T : class, new()
    {
        builder.Services.AddOptions<T>()
            .Bind(builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var value = new T();
        try
        {
            builder.Configuration.GetSection(section).Bind(value);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(section, typeof(T), [$"{section}: {ex.Message}"]);
        }

        Validate(value, section);
        return value;
    }

    public static void Validate<T>(T value, string section)
        where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var failures = results
                .Select(r => $"{section}:{string.Join(",", r.MemberNames)} — {r.ErrorMessage}")
                .ToList();
            throw new OptionsValidationException(section, typeof(T), failures);
        }
    }
}
