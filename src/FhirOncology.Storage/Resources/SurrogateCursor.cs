using System.Globalization;
using FhirOncology.Core.Errors;

namespace FhirOncology.Storage.Resources;

/// <summary>The paging cursor of history and time-ordered search: a surrogate id, as text the client hands back.</summary>
internal static class SurrogateCursor
{
    public static string Format(long surrogateId) => surrogateId.ToString(CultureInfo.InvariantCulture);

    public static long Parse(string cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw FhirException.BadRequest("The paging cursor is not one this server issued.");
}
