namespace FhirOncology.Core.Storage;

/// <summary>How a version came to be; history entries report it as <c>Bundle.entry.request.method</c>.</summary>
public enum WriteMethod
{
    Create,
    Update,
    Delete,
}
