using System.Net;
using System.Security.Cryptography;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using FhirOncology.IntegrationTests.Reports;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.CaseBundles;

/// <summary>$case-bundle on the referral ServiceRequest and Task (issue #6): content, version pinning, the case version.</summary>
public sealed class CaseBundleTests(ReportServer server) : IClassFixture<ReportServer>
{
    [Fact]
    public async Task CaseBundle_OnTask_HoldsTheWholeCasePinnedToVersions()
    {
        var referral = await server.ReferralAsync();

        var response = await server.R.GetAsync($"/fhir/Task/{referral.TaskId}/$case-bundle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var keys = bundle.Entry.Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}").ToList();
        Assert.Contains($"Patient/{referral.PatientId}", keys);
        Assert.Contains($"ServiceRequest/{referral.ServiceRequestId}", keys);
        Assert.Contains($"Task/{referral.TaskId}", keys);
        // Everything of the referral transaction: condition, 4 observations, genomic report, 3 medications, the
        // pathology document, the requester (Practitioner), and the Task's owner from the directory.
        Assert.Equal(1, keys.Count(k => k.StartsWith("Condition/", StringComparison.Ordinal)));
        Assert.Equal(5, keys.Count(k => k.StartsWith("Observation/", StringComparison.Ordinal))); // the example's four and the recent lab
        Assert.Equal(3, keys.Count(k => k.StartsWith("MedicationRequest/", StringComparison.Ordinal)));
        Assert.Contains(keys, k => k.StartsWith("DiagnosticReport/", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("DocumentReference/", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("Practitioner/", StringComparison.Ordinal));
        Assert.Contains($"Organization/{ReportServer.Reviewer}", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("Provenance/", StringComparison.Ordinal));
        Assert.All(bundle.Entry, entry =>
        {
            // bdl-8: fullUrl is version-independent; the entry's self link and meta.versionId pin the version.
            Assert.Equal($"{ReportServer.Base}/{entry.Resource.TypeName}/{entry.Resource.Id}", entry.FullUrl);
            Assert.Equal($"{entry.FullUrl}/_history/{entry.Resource.Meta.VersionId}", Assert.Single(entry.Link, l => l.Relation == "self").Url);
        });
        Assert.Matches("^[0-9a-f]{64}$", bundle.Identifier.Value);
        Assert.Equal("https://fhironcology.org/fhir/sid/case-bundle-version", bundle.Identifier.System);
        Assert.Equal(bundle.Identifier.Value, bundle.Meta.VersionId);
        Assert.Equal(bundle.Identifier.Value, bundle.Id);
    }

    [Fact]
    public async Task CaseBundle_Version_IsTheDocumentedSha256OfTheStoredVersions()
    {
        var referral = await server.ReferralAsync();
        var bundle = await (await server.A.GetAsync($"/fhir/ServiceRequest/{referral.ServiceRequestId}/$case-bundle")).ReadAsync<Bundle>();

        var lines = new StringBuilder();
        foreach (var entry in bundle.Entry.OrderBy(e => $"{e.Resource.TypeName}/{e.Resource.Id}", StringComparer.Ordinal))
        {
            var pinned = entry.Link.Single(l => l.Relation == "self").Url;
            var stored = await server.A.GetByteArrayAsync(pinned.Replace("http://localhost", "", StringComparison.Ordinal)); // vread: the stored bytes
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{entry.Resource.TypeName}/{entry.Resource.Id}/_history/{entry.Resource.Meta.VersionId} ")
                .Append(Convert.ToHexStringLower(SHA256.HashData(stored))).Append('\n');
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString()))), bundle.Identifier.Value);
    }

    [Fact]
    public async Task CaseBundle_SameCase_SameVersionFromServiceRequestTaskAndRepeatedCalls()
    {
        var referral = await server.ReferralAsync();

        var first = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);
        var again = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);
        var viaReferral = await ReportServer.CaseVersionAsync(server.R, "ServiceRequest", referral.ServiceRequestId);

        Assert.Equal(first, again);
        Assert.Equal(first, viaReferral);
    }

    [Fact]
    public async Task CaseBundle_AfterAWriteIntoTheCase_HasANewVersionWithTheNewResource()
    {
        var referral = await server.ReferralAsync();
        var other = await server.ReferralAsync();
        var before = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);

        await ReportServer.ObservationAsync(server.A, other.PatientId); // another patient's case
        Assert.Equal(before, await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId));

        var added = await ReportServer.ObservationAsync(server.A, referral.PatientId);
        var after = await (await server.R.GetAsync($"/fhir/Task/{referral.TaskId}/$case-bundle")).ReadAsync<Bundle>();
        Assert.NotEqual(before, after.Identifier.Value);
        Assert.Contains(after.Entry, e => e.FullUrl == $"{ReportServer.Base}/Observation/{added}");
    }

    [Fact]
    public async Task CaseBundle_AnotherOrganisation_Returns404()
    {
        var referral = await server.ReferralAsync();

        var response = await server.B.GetAsync($"/fhir/Task/{referral.TaskId}/$case-bundle");

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CaseBundle_OnAPatient_IsNotSupported()
    {
        var referral = await server.ReferralAsync();

        var response = await server.A.GetAsync($"/fhir/Patient/{referral.PatientId}/$case-bundle");

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotSupported);
    }
}
