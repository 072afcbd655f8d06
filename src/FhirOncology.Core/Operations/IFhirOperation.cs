namespace FhirOncology.Core.Operations;

/// <summary>
/// A custom operation (operations.html) such as <c>$case-bundle</c> or <c>$document</c>. The Api routes
/// <c>[base]/$name</c>, <c>[base]/Type/$name</c> and <c>[base]/Type/id/$name</c> to the registered operation of
/// that name; the CapabilityStatement lists it with its OperationDefinition. An operation checks access itself
/// through <see cref="Security.AccessPolicy"/> and the services it calls.
/// </summary>
public interface IFhirOperation
{
    /// <summary>Without the <c>$</c>.</summary>
    string Name { get; }

    OperationLevel Levels { get; }

    /// <summary>The types it applies to at type and instance level; empty for system level only.</summary>
    IReadOnlyList<string> Types { get; }

    /// <summary>The canonical URL of its OperationDefinition (conformance/OperationDefinitions).</summary>
    string Definition { get; }

    /// <summary>True when it changes nothing, so GET may invoke it (operations.html#executing).</summary>
    bool AffectsState { get; }

    Task<OperationResult> ExecuteAsync(OperationRequest request, CancellationToken ct);
}
