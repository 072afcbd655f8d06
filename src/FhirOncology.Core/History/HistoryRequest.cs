namespace FhirOncology.Core.History;

/// <summary>
/// A history request as received (http.html#history): raw <c>_since</c>, <c>_count</c> and the paging cursor,
/// and the absolute URL of the request for the self link.
/// </summary>
public sealed record HistoryRequest(string? Type, string? Id, string? Since, string? Count, string? Cursor);
