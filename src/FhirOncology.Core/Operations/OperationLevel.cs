namespace FhirOncology.Core.Operations;

/// <summary>Where an operation is invoked (operations.html#executing): the base, a type, or an instance.</summary>
[Flags]
public enum OperationLevel
{
    System = 1,
    Type = 2,
    Instance = 4,
}
