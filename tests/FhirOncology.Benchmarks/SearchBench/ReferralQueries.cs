using System.Globalization;
using FhirOncology.Benchmarks.Generation;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>
/// The referral workflow's common searches (issue #4): what a reviewer's worklist, a referral's detail view and a
/// population query send. Values are escaped, so '|' and ':' reach the server as the client libraries send them.
/// </summary>
internal static class ReferralQueries
{
    public static IReadOnlyList<BenchQuery> All(PopulationManifest inputs)
    {
        var samples = inputs.Samples;
        var reviewers = inputs.ReviewerOrganizationIds;
        return
        [
            // A manifest names a code each patient certainly has; discovered inputs draw any lab code, which a patient
            // may lack.
            new("a-observations-by-code", "Observation?subject=Patient/{id}&code=http://loinc.org|{code}",
                random =>
                {
                    var sample = Pick(random, samples);
                    var code = sample.LabCode ?? Pick(random, OncologyCodes.Labs).Code;
                    return $"Observation?subject=Patient/{sample.PatientId}&code={Escape(OncologyCodes.Loinc + "|" + code)}";
                },
                samples.All(s => s.LabCode is not null) ? ResultExpectation.EveryIteration : ResultExpectation.SomeIteration),
            new("b-tasks-by-owner-status", "Task?owner=Organization/{id}&status=requested",
                random => $"Task?owner=Organization/{Pick(random, reviewers)}&status=requested",
                ResultExpectation.SomeIteration),
            // The date is up to 90 days before a referral of that requester, so at least that referral matches.
            new("c-referrals-by-requester-date", "ServiceRequest?requester=Practitioner/{id}&authored=ge{date}",
                random =>
                {
                    var sample = Pick(random, samples);
                    var date = DateOnly.ParseExact(sample.AuthoredOn, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-random.Next(0, 91));
                    return string.Create(CultureInfo.InvariantCulture,
                        $"ServiceRequest?requester=Practitioner/{sample.RequesterId}&authored=ge{date:yyyy-MM-dd}");
                },
                ResultExpectation.EveryIteration),
            new("d-referral-with-includes", "ServiceRequest?identifier=urn:fhironcology:referral|{x}&_include=ServiceRequest:subject&_revinclude=Task:focus",
                random => $"ServiceRequest?identifier={Escape(PatientBundleBuilder.ReferralSystem + "|" + Pick(random, samples).Referral)}&_include=ServiceRequest:subject&_revinclude=Task:focus",
                ResultExpectation.OneMatchWithIncludes),
            new("e-tmb-population", "Observation?code=http://loinc.org|94076-7&value-quantity=gt10&_count=50",
                _ => $"Observation?code={Escape(OncologyCodes.Loinc + "|" + OncologyCodes.Tmb.Code)}&value-quantity=gt10&_count=50",
                ResultExpectation.EveryIteration),
            new("f-chained-patient-identifier", "Observation?subject:Patient.identifier=urn:oid:2.16.840.1.113883.4.1|{x}",
                random => $"Observation?subject:Patient.identifier={Escape(PatientBundleBuilder.PatientSystem + "|" + Pick(random, samples).PatientIdentifier)}",
                ResultExpectation.EveryIteration),
        ];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
