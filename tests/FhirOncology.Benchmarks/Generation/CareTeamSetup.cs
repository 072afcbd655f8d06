using System.Globalization;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Creates the reviewing and referring Organizations and the Practitioners once, before any patient, in one
/// transaction of conditional creates: a rerun against the same database finds them by identifier instead of
/// duplicating them, and every run's patients point at the same ones.
/// </summary>
internal static class CareTeamSetup
{
    public const string ReviewerSystem = "urn:fhironcology:reviewer";
    public const string OrganizationSystem = "urn:fhironcology:synthetic:organization";
    public const string NpiSystem = "http://hl7.org/fhir/sid/us-npi";

    private static readonly string[] Reviewers = ["Thoracic Tumor Board", "Gastrointestinal Tumor Board", "Breast Tumor Board"];
    private static readonly string[] Referrers = ["Riverside General Hospital", "Lakeside Cancer Center"];
    private const int Practitioners = 12;

    public static async Task<CareTeam> CreateAsync(TransactionSender sender, CancellationToken ct)
    {
        using var writer = new BundleWriter();
        writer.Begin();
        var next = 0;
        for (var i = 0; i < Reviewers.Length; i++)
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"tumor-board-{i + 1}");
            WriteOrganization(writer, FullUrl(next++), ReviewerSystem, value, Reviewers[i]);
        }

        for (var i = 0; i < Referrers.Length; i++)
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"referrer-{i + 1}");
            WriteOrganization(writer, FullUrl(next++), OrganizationSystem, value, Referrers[i]);
        }

        for (var i = 0; i < Practitioners; i++)
        {
            var npi = string.Create(CultureInfo.InvariantCulture, $"99000000{i + 1:D2}");
            writer.StartEntry("Practitioner", FullUrl(next++), NpiSystem, npi);
            var json = writer.Json;
            json.WriteStartArray("name");
            json.WriteStartObject();
            json.WriteString("family", OncologyCodes.FamilyNames[i % OncologyCodes.FamilyNames.Length]);
            json.WriteStartArray("given");
            json.WriteStringValue(OncologyCodes.GivenNames[(i * 5 + 3) % OncologyCodes.GivenNames.Length]);
            json.WriteEndArray();
            json.WriteStartArray("prefix");
            json.WriteStringValue("Dr.");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            writer.EndEntry();
        }

        var outcome = await sender.PostAsync(writer.Finish(), ct);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Creating the Organizations and Practitioners failed: {outcome.Error}");
        }

        var ids = outcome.Ids;
        return new CareTeam(
            [.. ids.Take(Reviewers.Length)],
            [.. ids.Skip(Reviewers.Length).Take(Referrers.Length)],
            [.. ids.Skip(Reviewers.Length + Referrers.Length)]);
    }

    private static void WriteOrganization(BundleWriter writer, string fullUrl, string system, string value, string name)
    {
        writer.StartEntry("Organization", fullUrl, system, value);
        writer.Json.WriteBoolean("active", true);
        writer.Json.WriteString("name", name);
        writer.EndEntry();
    }

    private static string FullUrl(int index) =>
        "urn:uuid:" + new Guid(0x5e7c0000 + index, 0x0f0a, 0x4c0e, 0x80, 0, 0, 0, 0, 0, 0, 1).ToString("D", CultureInfo.InvariantCulture);
}
