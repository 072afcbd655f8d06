namespace FhirOncology.Validation.Packages;

/// <summary>
/// The FHIR package cache layout shared with the HL7 and Firely tools: <c>&lt;cache&gt;/&lt;name&gt;#&lt;version&gt;/package/…</c>.
/// Its location comes from the FHIR_PACKAGE_CACHE environment variable, default <c>~/.fhir/packages</c>.
/// </summary>
public static class FhirPackageCache
{
    public const string EnvironmentVariable = "FHIR_PACKAGE_CACHE";

    public static string DefaultPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages")
                : configured;
        }
    }

    /// <summary>The <c>package/</c> folder of a package in the cache.</summary>
    public static string PackageFolder(string cacheRoot, FhirPackageId package) =>
        Path.Combine(cacheRoot, package.CacheFolderName, "package");
}
