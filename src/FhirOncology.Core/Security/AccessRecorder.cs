using FhirOncology.Core.Indexing;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Security;

/// <summary>
/// Records, in the write's own transaction, who may see a resource (issue #5, organisation isolation):
/// <list type="bullet">
/// <item>the writer's organisations own it directly;</item>
/// <item>it joins the case of every Patient it references (a Patient is its own case; a document Bundle joins
/// the case of its Composition's subject);</item>
/// <item>an organisation that writes a Patient works on that patient's case;</item>
/// <item>a Task shares the case of its <c>for</c> patient with its <c>owner</c> organisation (the reviewer), and
/// shares the resources it references (focus, inputs, outputs) with the organisations of the Task.</item>
/// </list>
/// A caller may only reference Patients, and share resources, it can itself see. Grants are only ever added.
/// </summary>
public sealed class AccessRecorder(AccessPolicy policy)
{
    private const string PatientType = "Patient";

    /// <summary>The patients whose case the resource joins.</summary>
    public static IReadOnlyList<string> CasePatients(ResourceKey key, Resource resource, SearchIndexEntries index)
    {
        var patients = new HashSet<string>(StringComparer.Ordinal);
        if (key.Type == PatientType)
        {
            patients.Add(key.Id);
        }

        foreach (var reference in index.References)
        {
            if (reference is { TargetType: PatientType, BaseUri: null })
            {
                patients.Add(reference.TargetId);
            }
        }

        // bundle.html#document: the document is about the Composition's subject.
        if (resource is Bundle { Type: Bundle.BundleType.Document } bundle
            && bundle.Entry.FirstOrDefault()?.Resource is Composition { Subject.Reference: { } subject }
            && LocalReference.TryParse(subject) is { Type: PatientType } patient)
        {
            patients.Add(patient.Id);
        }

        return [.. patients];
    }

    /// <summary>
    /// <see cref="CasePatients"/>, and for a Binary the case of its securityContext (binary.html#security: access to
    /// a Binary follows the resource named there).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CasePatientsAsync(
        IStoreWriteTransaction transaction, ResourceKey key, Resource resource, SearchIndexEntries index, CancellationToken ct)
    {
        var patients = CasePatients(key, resource, index);
        if (resource is Binary { SecurityContext.Reference: { } context } && LocalReference.TryParse(context) is { } proxy)
        {
            patients = [.. patients.Union(await transaction.ReadCasePatientsAsync(proxy, ct), StringComparer.Ordinal)];
        }

        return patients;
    }

    public async Task RecordAsync(
        IStoreWriteTransaction transaction, ResourceKey key, Resource resource, IReadOnlyList<string> patients, CancellationToken ct)
    {
        var caller = policy.Caller;
        var organizations = caller.OrganizationIds;
        foreach (var patient in patients.Where(p => !caller.IsInternal && (p != key.Id || key.Type != PatientType)))
        {
            await EnsureVisibleAsync(transaction, new ResourceKey(PatientType, patient), caller, ct);
        }

        await transaction.GrantAsync(key, organizations, ct);
        await transaction.SetCaseMembershipAsync(key, patients, ct);
        if (key.Type == PatientType)
        {
            await transaction.OpenCaseAsync(key.Id, organizations, ct);
        }

        if (resource is Hl7.Fhir.Model.Task task)
        {
            await ShareTaskAsync(transaction, key, task, caller, ct);
        }

        if (resource is DocumentReference document && patients.Count > 0)
        {
            await ShareAttachmentsAsync(transaction, document, patients, caller, ct);
        }
    }

    // A Binary a document's attachment points at (attachment.url "Binary/id", often posted first) joins the
    // document's case, so whoever may read the document may read its content.
    private static async Task ShareAttachmentsAsync(
        IStoreWriteTransaction transaction, DocumentReference document, IReadOnlyList<string> patients, Caller caller, CancellationToken ct)
    {
        var binaries = document.Content.Select(content => LocalReference.TryParse(content.Attachment?.Url))
            .OfType<ResourceKey>().Where(target => target.Type == "Binary").Distinct();
        foreach (var binary in binaries)
        {
            if (!await EnsureVisibleAsync(transaction, binary, caller, ct))
            {
                continue;
            }

            var members = (await transaction.ReadCasePatientsAsync(binary, ct)).Union(patients, StringComparer.Ordinal);
            await transaction.SetCaseMembershipAsync(binary, members, ct);
        }
    }

    // workflow-management.html#task: the owner performs the Task, so it needs the case the Task is about.
    private async Task ShareTaskAsync(IStoreWriteTransaction transaction, ResourceKey key, Hl7.Fhir.Model.Task task, Caller caller, CancellationToken ct)
    {
        var sharedWith = new List<string>(caller.OrganizationIds);
        if (LocalReference.TryParse(task.Owner?.Reference) is { Type: "Organization" } owner)
        {
            sharedWith.Add(owner.Id);
            await transaction.GrantAsync(key, [owner.Id], ct);
            if (LocalReference.TryParse(task.For?.Reference) is { Type: PatientType } patient)
            {
                await transaction.OpenCaseAsync(patient.Id, [owner.Id], ct);
            }
        }

        var referenced = new[] { task.Focus }
            .Concat(task.Input.Select(input => input.Value as ResourceReference))
            .Concat(task.Output.Select(output => output.Value as ResourceReference))
            .Select(reference => LocalReference.TryParse(reference?.Reference))
            .OfType<ResourceKey>()
            .Where(target => target.Type != PatientType)
            .Distinct();
        foreach (var target in referenced)
        {
            if (await EnsureVisibleAsync(transaction, target, caller, ct)) // nothing to share yet when it does not exist
            {
                await transaction.GrantAsync(target, sharedWith, ct);
            }
        }
    }

    /// <summary>False when the target does not exist (yet); 403 when it exists and the caller may not see it.</summary>
    private static async Task<bool> EnsureVisibleAsync(IStoreWriteTransaction transaction, ResourceKey target, Caller caller, CancellationToken ct)
    {
        if (await transaction.ReadCurrentAsync(target, ct) is null)
        {
            return false;
        }

        var clauses = AccessPolicy.VisibilityClauses(target.Type, caller.OrganizationIds);
        if (!caller.IsInternal && clauses.Count > 0 && !await transaction.MatchesAsync(target, clauses, ct))
        {
            throw AccessPolicy.Forbidden($"The resource references {target.Type}/{target.Id}, which this client may not access.");
        }

        return true;
    }
}
