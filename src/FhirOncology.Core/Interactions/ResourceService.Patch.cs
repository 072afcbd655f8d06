using FhirOncology.Core.Errors;
using FhirOncology.Core.Patch;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>
    /// http.html#patch: applies the patch to the current version and writes the result as the next version, checked
    /// like any update. 404/410 when there is nothing to patch; If-Match → 412 on mismatch.
    /// </summary>
    public async Task<WriteResult> PatchAsync(string type, string id, IPatch patch, int? ifMatch, CancellationToken ct)
    {
        EnsureSupported(type);
        EnsureValidId(id);
        await using var transaction = await store.BeginWriteAsync(ct);
        var result = await PatchInTransactionAsync(transaction, type, id, patch, ifMatch, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>http.html#patch: conditional patch needs exactly one match (none → 404, several → 412).</summary>
    public async Task<WriteResult> ConditionalPatchAsync(
        string type, IEnumerable<KeyValuePair<string, string>> query, IPatch patch, int? ifMatch, CancellationToken ct)
    {
        EnsureSupported(type);
        AccessPolicy.EnsureChangeable(type, Permissions.Update); // 405 for append-only types, even when nothing matches
        var criteria = searchParser.ParseCriteria(type, query);
        await using var transaction = await store.BeginWriteAsync(ct);
        var id = await FindSingleMatchAsync(transaction, type, criteria, "conditional patch", ct)
            ?? throw new FhirException(System.Net.HttpStatusCode.NotFound, Hl7.Fhir.Model.OperationOutcome.IssueType.NotFound,
                $"No {type} matches the conditional patch criteria.");
        var result = await PatchInTransactionAsync(transaction, type, id, patch, ifMatch, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    internal async Task<WriteResult> PatchInTransactionAsync(
        IStoreWriteTransaction transaction, string type, string id, IPatch patch, int? ifMatch, CancellationToken ct)
    {
        policy.Require(type, Permissions.Update);
        var current = await transaction.ReadCurrentAsync(new ResourceKey(type, id), ct);
        if (current is null || !await policy.CanChangeAsync(transaction, current.Key, Permissions.Update, ct))
        {
            throw FhirException.NotFound(type, id); // a patch must not reveal anything of a resource the caller may not change
        }

        if (current.IsDeleted)
        {
            throw FhirException.Gone(type, id, current.VersionId);
        }

        if (ifMatch is { } expected && expected != current.VersionId)
        {
            throw FhirException.PreconditionFailed($"If-Match names version {expected} but the current version of {type}/{id} is {current.VersionId}.");
        }

        var patched = patch.Apply(serializer.Parse(current.Json.Span, FhirFormat.Json));
        if (patched.TypeName != type || patched.Id != id)
        {
            throw FhirException.BadRequest("A patch cannot change the resource's type or id.");
        }

        return await UpdateInTransactionAsync(transaction, type, id, patched, null, ct);
    }
}
