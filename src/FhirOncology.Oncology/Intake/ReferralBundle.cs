using System.Globalization;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Intake;

/// <summary>One resource entry (POST or PUT) of a transaction Bundle; <see cref="LiteralId"/> is the <c>Type/id</c> a plain PUT writes.</summary>
internal sealed record BundleEntry(int Index, Bundle.HTTPVerb Method, string? FullUrl, string? LiteralId, Resource Resource)
{
    public string Location => $"Bundle.entry[{Index.ToString(CultureInfo.InvariantCulture)}]";

    public string Describe => $"{Location} ({Resource.TypeName})";
}

/// <summary>
/// A transaction Bundle seen as a referral (DOMAIN.md §1.1): it is one when an entry claims our referral
/// ServiceRequest or referral Task profile. References between entries are resolved as the transaction will resolve
/// them (bundle.html#references): by fullUrl, or by <c>Type/id</c> for an entry that PUTs that id.
/// </summary>
internal sealed class ReferralBundle
{
    private ReferralBundle(IReadOnlyList<BundleEntry> entries)
    {
        Entries = entries;
        Patients = [.. entries.Where(e => e.Resource is Patient)];
        ServiceRequests = [.. entries.Where(e => ReferralResources.IsReferralServiceRequest(e.Resource))];
        Tasks = [.. entries.Where(e => ReferralResources.IsReferralTask(e.Resource))];
    }

    public IReadOnlyList<BundleEntry> Entries { get; }

    public IReadOnlyList<BundleEntry> Patients { get; }

    public IReadOnlyList<BundleEntry> ServiceRequests { get; }

    public IReadOnlyList<BundleEntry> Tasks { get; }

    public BundleEntry? Patient => Patients.Count == 1 ? Patients[0] : null;

    public BundleEntry? ServiceRequest => ServiceRequests.Count == 1 ? ServiceRequests[0] : null;

    public BundleEntry? Task => Tasks.Count == 1 ? Tasks[0] : null;

    public ServiceRequest? Referral => ServiceRequest?.Resource as ServiceRequest;

    public FhirTask? ReferralTask => Task?.Resource as FhirTask;

    /// <summary>The referral ServiceRequest and Task entries, whatever their number.</summary>
    public IEnumerable<BundleEntry> WorkflowEntries => ServiceRequests.Concat(Tasks);

    /// <summary>Null when the Bundle is not a transaction or claims neither referral profile.</summary>
    public static ReferralBundle? TryRead(Bundle bundle)
    {
        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            return null;
        }

        var entries = new List<BundleEntry>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            if (entry.Resource is null || entry.Request?.Method is not (Bundle.HTTPVerb.POST or Bundle.HTTPVerb.PUT))
            {
                continue;
            }

            var url = entry.Request.Url ?? "";
            var literal = entry.Request.Method == Bundle.HTTPVerb.PUT && !url.Contains('?', StringComparison.Ordinal) ? url.Trim('/') : null;
            entries.Add(new BundleEntry(i, entry.Request.Method.Value, string.IsNullOrEmpty(entry.FullUrl) ? null : entry.FullUrl, literal, entry.Resource));
        }

        var referral = new ReferralBundle(entries);
        return referral.ServiceRequests.Count > 0 || referral.Tasks.Count > 0 ? referral : null;
    }

    /// <summary>The entry a reference points at, or null when it points outside the Bundle (or nowhere).</summary>
    public BundleEntry? Resolve(string? reference) =>
        string.IsNullOrEmpty(reference) ? null
            : Entries.FirstOrDefault(e => e.FullUrl == reference)
                ?? Entries.FirstOrDefault(e => e.LiteralId is not null && (reference == e.LiteralId || reference.EndsWith("/" + e.LiteralId, StringComparison.Ordinal)));
}
