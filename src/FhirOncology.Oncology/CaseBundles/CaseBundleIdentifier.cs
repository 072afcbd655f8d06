namespace FhirOncology.Oncology.CaseBundles;

/// <summary>The identifier system of case-bundle versions (Bundle.identifier of <c>$case-bundle</c>, Task.input of a report).</summary>
public static class CaseBundleIdentifier
{
    public const string System = "https://fhironcology.org/fhir/sid/case-bundle-version";
}
