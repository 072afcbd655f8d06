namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>The expression uses FHIRPath beyond the subset evaluated on JSON; the SDK's engine evaluates it instead.</summary>
internal sealed class FhirPathSubsetException(string message) : Exception(message)
{
    public FhirPathSubsetException()
        : this("Outside the JSON FHIRPath subset.")
    {
    }

    public FhirPathSubsetException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}
