namespace FhirOncology.Validation.References;

/// <summary>
/// Resolves references to resources that are neither contained nor in the same Bundle, e.g. resources already on
/// the server. Called once per validation with every such reference, so a server can answer in one query.
/// </summary>
public interface IReferenceResolver
{
    /// <summary>Returns the references it found; a reference missing from the result does not exist.</summary>
    ValueTask<IReadOnlyDictionary<string, ResolvedReference>> ResolveAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken);
}
