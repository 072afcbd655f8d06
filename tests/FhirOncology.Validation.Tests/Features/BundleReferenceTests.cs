using System.Text.Json.Nodes;
using FhirOncology.Validation.References;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// Resolving references inside a Bundle (bundle.html#references): fullUrl matching, relative references made absolute
/// with the referring entry's RESTful base, urn:uuid / urn:oid, version-specific references, and conditional references
/// in transactions (http.html#trules). A reference that resolves to the Patient entry is checked against the target
/// profile (onc-test-patient); the Patient entry is made not to declare or meet it, so "conforms to none" shows that
/// the reference resolved to it, and its absence that it did not.
/// </summary>
public sealed class BundleReferenceTests(ValidatorFixture fixture)
{
    private const string Subject = "Bundle.entry[2].resource.subject";
    private const string ConformsToNone = "conforms to none of";

    [Fact]
    public void RelativeReference_SameRestfulBase_ResolvedToTheEntry()
    {
        var bundle = BundleWithNonConformingPatient();
        fixture.Validate(bundle).HasError(Subject, ConformsToNone);
    }

    [Fact]
    public void RelativeReference_TargetUnderAnotherBase_NotResolvedInBundle()
    {
        var bundle = BundleWithNonConformingPatient();
        bundle["entry"]![1]!["fullUrl"] = "http://elsewhere.example/fhir/Patient/onc-test-patient";
        var report = fixture.Validate(bundle);
        Assert.DoesNotContain(report.Errors, issue => issue.Location == Subject);
    }

    [Fact]
    public async Task RelativeReference_FromUrnUuidEntry_NoMeaningInBundle_AskedOfTheServer()
    {
        var bundle = BundleWithNonConformingPatient();
        bundle["entry"]![2]!["fullUrl"] = "urn:uuid:6f1b3a52-7d0e-4c1e-9b7a-2f4f3f0c8a11";
        var resolver = new RecordingResolver();
        var report = await fixture.Validator.ValidateAsync(
            System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()), null, new ValidationContext { ReferenceResolver = resolver },
            TestContext.Current.CancellationToken);
        Assert.DoesNotContain(report.Errors, issue => issue.Location == Subject);
        Assert.Contains("Patient/onc-test-patient", resolver.Asked);
    }

    [Fact]
    public void AbsoluteReference_MatchingFullUrl_ResolvedToTheEntry()
    {
        var bundle = BundleWithNonConformingPatient();
        SetSubject(bundle, "http://fhironcology.example/fhir/Patient/onc-test-patient");
        fixture.Validate(bundle).HasError(Subject, ConformsToNone);
    }

    [Theory]
    [InlineData("urn:uuid:0d4e8c3a-2d5b-4e36-9e63-4a0c6d4f5b11")]
    [InlineData("urn:oid:1.2.840.113619.2.62")]
    public void UrnReference_MatchingFullUrl_ResolvedToTheEntry(string urn)
    {
        var bundle = BundleWithNonConformingPatient();
        bundle["entry"]![1]!["fullUrl"] = urn;
        SetSubject(bundle, urn);
        fixture.Validate(bundle).HasError(Subject, ConformsToNone);
    }

    [Fact]
    public void VersionedReference_MatchingVersionId_ResolvedToTheEntry()
    {
        var bundle = BundleWithNonConformingPatient();
        bundle["entry"]![1]!["resource"]!["meta"] = new JsonObject { ["versionId"] = "3" };
        SetSubject(bundle, "Patient/onc-test-patient/_history/3");
        fixture.Validate(bundle).HasError(Subject, ConformsToNone);
    }

    [Fact]
    public void VersionedReference_TargetWithoutVersionId_ResolvedToTheEntry()
    {
        var bundle = BundleWithNonConformingPatient();
        SetSubject(bundle, "http://fhironcology.example/fhir/Patient/onc-test-patient/_history/3");
        fixture.Validate(bundle).HasError(Subject, ConformsToNone);
    }

    [Fact]
    public void VersionedReference_BundleHoldsAnotherVersion_Error()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![1]!["resource"]!["meta"]!["versionId"] = "2";
        SetSubject(bundle, "Patient/onc-test-patient/_history/3");
        var issue = fixture.Validate(bundle).HasError(Subject, "names a version this Bundle does not hold (it holds version 2");
        Assert.Equal(OperationOutcome.IssueType.NotFound, issue.Code);
    }

    [Fact]
    public void ConditionalReference_InTransaction_InformationNoError()
    {
        var report = fixture.Validator.Validate(Transaction("Patient?identifier=http://hospital.example/mrn|12345").ToJsonString());
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Bundle.entry[0].resource.subject", "is resolved when the transaction is processed");
    }

    [Fact]
    public void ConditionalReference_InTransaction_WrongTargetType_Error()
    {
        var report = fixture.Validator.Validate(Transaction("Group?name=ward-3").ToJsonString());
        report.HasError("Bundle.entry[0].resource.subject", "Reference Group?name=ward-3 points to a Group, but only Patient may be referenced here");
    }

    [Fact]
    public void ConditionalReference_OutsideTransaction_Error()
    {
        var observation = Corpus.Observation();
        observation["subject"]!["reference"] = "Patient?identifier=http://hospital.example/mrn|12345";
        fixture.Validate(observation).HasError("Observation.subject", "only allowed inside a transaction Bundle");
    }

    [Fact]
    public void ConditionalReference_InCollectionBundle_Error()
    {
        var bundle = Corpus.Bundle();
        SetSubject(bundle, "Patient?identifier=http://hospital.example/mrn|12345");
        fixture.Validate(bundle).HasError(Subject, "only allowed inside a transaction Bundle");
    }

    /// <summary>The corpus Bundle with its Patient entry declaring no profile and lacking the birthDate onc-test-patient requires.</summary>
    private static JsonObject BundleWithNonConformingPatient()
    {
        var bundle = Corpus.Bundle();
        var patient = bundle["entry"]![1]!["resource"]!.AsObject();
        patient.Remove("meta");
        patient.Remove("birthDate");
        return bundle;
    }

    private static void SetSubject(JsonObject bundle, string reference) => bundle["entry"]![2]!["resource"]!["subject"]!["reference"] = reference;

    /// <summary>A transaction creating our corpus Observation, its subject given as a conditional reference.</summary>
    private static JsonObject Transaction(string subject)
    {
        var observation = Corpus.Observation();
        observation["subject"]!["reference"] = subject;
        observation.Remove("focus");
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["fullUrl"] = "urn:uuid:7c1e0c5e-3a0b-4d7e-8b1f-5a2d9e4c6f01",
                ["resource"] = observation,
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Observation" },
            }),
        };
    }

    private sealed class RecordingResolver : IReferenceResolver
    {
        public List<string> Asked { get; } = [];

        public ValueTask<IReadOnlyDictionary<string, ResolvedReference>> ResolveAsync(
            IReadOnlyCollection<string> references, CancellationToken cancellationToken)
        {
            Asked.AddRange(references);
            return ValueTask.FromResult<IReadOnlyDictionary<string, ResolvedReference>>(new Dictionary<string, ResolvedReference>());
        }
    }
}
