using Hl7.Fhir.Model;

namespace FhirOncology.Core.Operations;

/// <summary>
/// One invocation (operations.html#executing): the target, the input — a Parameters resource, or for operations
/// that take a resource directly, that resource — and the URL parameters of a GET or of the POST's query string.
/// </summary>
public sealed record OperationRequest(
    string? Type, string? Id, Resource? Body, IReadOnlyList<KeyValuePair<string, string>> Query, string BaseUrl, bool IsGet)
{
    /// <summary>A named input from the URL or from a Parameters body (operations.html#request).</summary>
    public string? Parameter(string name) =>
        Query.FirstOrDefault(p => p.Key == name).Value
        ?? (Body as Parameters)?.Parameter.FirstOrDefault(p => p.Name == name)?.Value?.ToString();
}
