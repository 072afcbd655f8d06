using System.Globalization;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>
/// The options of the <c>generate</c> and <c>search-bench</c> modes, as "--name value" or "--name=value" pairs.
/// Hand-rolled like <see cref="Options.OptionsParser"/> so the tool still takes no packages. Reading a value records
/// the first problem in <see cref="Error"/> and returns the fallback, so a parser can read every option and check once.
/// </summary>
internal sealed class ModeArguments
{
    private readonly Dictionary<string, string> _values;

    private ModeArguments(Dictionary<string, string> values) => _values = values;

    /// <summary>The first problem met while reading values, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// False either for a problem (<paramref name="error"/> says which) or for <c>--help</c> (<paramref name="error"/> is null).
    /// </summary>
    public static bool TryParse(string[] args, IReadOnlyCollection<string> names, out ModeArguments parsed, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        parsed = new ModeArguments(values);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return false;
            }

            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!names.Contains(name))
            {
                error = $"Unknown argument '{args[i]}'.";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{name} needs a value.";
                    return false;
                }

                value = args[++i];
            }

            values[name] = value;
        }

        return true;
    }

    /// <summary>The value as given, or null when the option is absent.</summary>
    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min)
        {
            return number;
        }

        Error ??= string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {min}, not '{text}'.");
        return fallback;
    }

    /// <summary>A file path, or null when the option is absent.</summary>
    public string? Path(string name)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (text.Length == 0)
        {
            Error ??= $"{name} needs a file path.";
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>An absolute http(s) URL without a trailing slash.</summary>
    public string BaseUrl(string name, string fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var baseUrl = text.TrimEnd('/');
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return baseUrl;
        }

        Error ??= $"{name} must be an absolute http(s) URL, not '{text}'.";
        return fallback;
    }
}
