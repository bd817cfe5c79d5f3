using Microsoft.Extensions.Options;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// One way to register a settings class: bound to its section, checked by its attributes (and
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) when the host starts, so a
/// bad or missing value stops the host with an <see cref="OptionsValidationException"/> naming its path.
/// </summary>
public static class SettingsExtensions
{
    public static OptionsBuilder<T> AddSettings<T>(this WebApplicationBuilder builder, string section)
        where T : class =>
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
