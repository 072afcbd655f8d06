namespace FhirOncology.Core.Resources;

/// <summary>A set of resource types some part of the application needs the server to serve; registered in DI.</summary>
public sealed record ServedResourceTypes(IReadOnlyCollection<string> Types);
