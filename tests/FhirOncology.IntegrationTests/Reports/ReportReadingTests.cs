using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.Reports;

/// <summary>After delivery: the report is immutable, $document finds it, and later changes to the case show on the Task.</summary>
public sealed class ReportReadingTests(ReportServer server) : IClassFixture<ReportServer>
{
    private const string TaskInput = "https://fhironcology.org/fhir/CodeSystem/referral-task-input";

    [Fact]
    public async Task Report_UpdateOrDeleteOfTheDocumentOrItsComposition_Returns405AndKeepsIt()
    {
        var (_, reportId) = await DeliveredAsync();
        var stored = await server.R.GetStringAsync("/fhir/Bundle/" + reportId);

        var update = await server.R.PutAsync("/fhir/Bundle/" + reportId, FhirHttp.Json(stored));
        var deleteBundle = await server.R.DeleteAsync("/fhir/Bundle/" + reportId);
        var composition = await server.R.GetStringAsync("/fhir/Composition/" + reportId);
        var updateComposition = await server.R.PutAsync("/fhir/Composition/" + reportId, FhirHttp.Json(composition));
        var deleteComposition = await server.R.DeleteAsync("/fhir/Composition/" + reportId);

        foreach (var response in new[] { update, deleteBundle, updateComposition, deleteComposition })
        {
            var outcome = await response.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.BusinessRule);
            Assert.Contains("documents.html", outcome.Issue[0].Diagnostics ?? outcome.Issue[0].Details?.Text, StringComparison.Ordinal);
        }

        Assert.Equal("W/\"1\"", (await server.A.GetAsync("/fhir/Bundle/" + reportId)).ETag());
        Assert.Equal("W/\"1\"", (await server.A.GetAsync("/fhir/Composition/" + reportId)).ETag());
    }

    [Fact]
    public async Task Document_OnADeliveredComposition_ReturnsTheStoredDocument()
    {
        var (_, reportId) = await DeliveredAsync();
        var stored = await (await server.A.GetAsync("/fhir/Bundle/" + reportId)).ReadAsync<Bundle>();

        var response = await server.A.GetAsync($"/fhir/Composition/{reportId}/$document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadAsync<Bundle>();
        Assert.Equal(reportId, document.Id);
        Assert.Equal(stored.Identifier.Value, document.Identifier.Value);
        Assert.Equal(stored.Entry.Count, document.Entry.Count);
        var sections = ((Composition)document.Entry[0].Resource).Section;
        Assert.Equal(10, sections.Count);
        Assert.All(sections, section => Assert.False(string.IsNullOrEmpty(section.Text?.Div))); // narrative in every section
    }

    [Fact]
    public async Task Document_OnAnotherComposition_AssemblesTheDocumentFromItsReferences()
    {
        var referral = await server.ReferralAsync();
        var note = new Composition
        {
            Status = CompositionStatus.Final,
            Type = new CodeableConcept("http://loinc.org", "11488-4"),
            Subject = new ResourceReference("Patient/" + referral.PatientId),
            Date = "2026-11-20",
            Author = [new ResourceReference("Organization/" + ReportServer.Reviewer)],
            Title = "Interim note",
        };
        var created = await (await server.A.PostAsync("/fhir/Composition", FhirHttp.Json(note))).ReadAsync<Composition>();

        var response = await server.A.GetAsync($"/fhir/Composition/{created.Id}/$document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Document, document.Type);
        Assert.NotNull(document.Timestamp);
        Assert.Equal(created.Id, document.Entry[0].Resource.Id);
        Assert.Contains(document.Entry, e => e.FullUrl == $"{ReportServer.Base}/Patient/{referral.PatientId}");
        Assert.Contains(document.Entry, e => e.FullUrl == $"{ReportServer.Base}/Organization/{ReportServer.Reviewer}");
        Assert.Equal(3, document.Entry.Count);
    }

    [Fact]
    public async Task Document_AnotherOrganisation_Returns404()
    {
        var (_, reportId) = await DeliveredAsync();

        var response = await server.B.GetAsync($"/fhir/Composition/{reportId}/$document");

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CaseChange_AfterTheReport_FlagsTheTaskOnce()
    {
        var (referral, _) = await DeliveredAsync();
        var completed = await server.A.GetAsync($"/fhir/Task/{referral.TaskId}");
        Assert.DoesNotContain(CaseChanged(await completed.ReadAsync<FhirTask>()), _ => true);

        var observation = await ReportServer.ObservationAsync(server.A, referral.PatientId);
        await ReportServer.ObservationAsync(server.A, referral.PatientId);

        var flagged = await server.A.GetAsync($"/fhir/Task/{referral.TaskId}");
        var task = await flagged.ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.Completed, task.Status);
        Assert.IsType<FhirDateTime>(Assert.Single(CaseChanged(task)).Value);
        Assert.Contains($"Observation/{observation}/_history/1", Assert.Single(task.Note).Text, StringComparison.Ordinal);
        Assert.Equal(IncrementedETag(completed), flagged.ETag()); // one new version, not one per change
    }

    [Fact]
    public async Task CaseChange_BeforeTheReport_DoesNotFlag()
    {
        var referral = await server.InReviewAsync();
        await ReportServer.ObservationAsync(server.A, referral.PatientId);
        var response = await SubmitReportTests.Submit(server.R, referral.TaskId, ReportServer.Document(referral.PatientId));

        var task = await response.ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.Completed, task.Status);
        Assert.Empty(CaseChanged(task));
    }

    private async Task<(Referral Referral, string ReportId)> DeliveredAsync()
    {
        var referral = await server.InReviewAsync();
        var response = await SubmitReportTests.Submit(server.R, referral.TaskId, ReportServer.Document(referral.PatientId));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var task = await response.ReadAsync<FhirTask>();
        var report = task.Output.Select(o => o.Value).OfType<ResourceReference>().Single().Reference;
        return (referral, report.Split('/')[1]);
    }

    private static IEnumerable<FhirTask.ParameterComponent> CaseChanged(FhirTask task) =>
        task.Input.Where(i => i.Type.Coding.Any(c => c.System == TaskInput && c.Code == "case-changed-after-report"));

    private static string IncrementedETag(HttpResponseMessage response) =>
        $"W/\"{int.Parse(response.ETag()!.Trim('W', '/', '"'), System.Globalization.CultureInfo.InvariantCulture) + 1}\"";
}
