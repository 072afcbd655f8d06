using FhirOncology.Oncology.CaseBundles;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// The records <c>$submit-report</c> stores, under one id: the document as <c>Bundle/{id}</c>, exactly as submitted
/// apart from the server's id and meta (documents.html: the document is the unit of attestation), and its
/// Composition as <c>Composition/{id}</c>, so that <c>Composition/{id}/$document</c> finds the document by the same id.
/// </summary>
public static class ReportRecords
{
    public static Bundle Document(Bundle submitted, string id)
    {
        var document = (Bundle)submitted.DeepCopy();
        document.Id = id;
        document.Meta = Claiming(document.Meta, SecondOpinion.DocumentProfile); // so the validator checks our profile
        return document;
    }

    /// <summary>
    /// The report Composition on its own. References to entries with a fullUrl under this server's base become
    /// relative (<c>Patient/123</c>), so the stored Composition joins the patient's case like any resource; other
    /// references are kept and resolve inside the document.
    /// </summary>
    public static Composition Composition(Bundle document, string id, string baseUrl)
    {
        var report = (Composition)ReportDocumentRules.Report(document).DeepCopy();
        report.Id = id;
        report.Meta = Claiming(report.Meta, SecondOpinion.ReportProfile);
        var prefix = baseUrl + "/";
        foreach (var reference in ResourceReferences.All(report).ToList())
        {
            var target = reference.Reference;
            var fullUrl = target is not null && target.StartsWith("urn:", StringComparison.Ordinal)
                ? document.Entry.FirstOrDefault(e => e.FullUrl == target)?.FullUrl
                : target;
            if (fullUrl is not null && fullUrl.StartsWith(prefix, StringComparison.Ordinal))
            {
                reference.Reference = fullUrl[prefix.Length..];
            }
        }

        return report;
    }

    private static Meta Claiming(Meta? meta, string profile)
    {
        var claimed = new Meta { Profile = meta?.Profile?.ToList() ?? [], Tag = meta?.Tag ?? [], Security = meta?.Security ?? [] };
        if (!claimed.Profile.Contains(profile))
        {
            claimed.Profile = [.. claimed.Profile, profile];
        }

        return claimed;
    }
}
