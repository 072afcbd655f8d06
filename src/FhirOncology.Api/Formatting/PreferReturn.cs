using FhirOncology.Core.Errors;

namespace FhirOncology.Api.Formatting;

/// <summary>What <c>Prefer: return=…</c> asks a write to send back (http.html#ops).</summary>
internal enum PreferReturn
{
    Representation,
    Minimal,
    OperationOutcome,
}

internal static class PreferHeader
{
    public static PreferReturn Return(HttpRequest request)
    {
        foreach (var preference in request.Headers["Prefer"].ToString().Split(',', StringSplitOptions.TrimEntries))
        {
            if (!preference.StartsWith("return=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return preference["return=".Length..].Trim('"') switch
            {
                "minimal" => PreferReturn.Minimal,
                "representation" => PreferReturn.Representation,
                "OperationOutcome" => PreferReturn.OperationOutcome,
                var other => throw FhirException.BadRequest($"Prefer return={other} is not one of minimal, representation, OperationOutcome."),
            };
        }

        return PreferReturn.Representation;
    }

    /// <summary><c>Prefer: handling=strict</c> (search.html#errors): unknown or malformed search parameters are errors.</summary>
    public static bool StrictHandling(HttpRequest request) =>
        request.Headers["Prefer"].ToString().Split(',', StringSplitOptions.TrimEntries)
            .Any(preference => preference.Equals("handling=strict", StringComparison.OrdinalIgnoreCase));
}
