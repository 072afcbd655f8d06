using System.Text.RegularExpressions;
using FhirOncology.Core.Search;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Profiles;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// The RESTful interactions on single resources (http.html): read, vread, create, update, delete and their
/// conditional forms. Split by interaction into partial files.
/// </summary>
public sealed partial class ResourceService(
    IResourceStore store,
    ResourceTypeRegistry types,
    SearchIndexer indexer,
    SearchQueryParser searchParser,
    FhirSerializer serializer,
    ResourceValidator validator,
    AccessPolicy policy,
    AccessRecorder recorder,
    IEnumerable<IWriteHook> hooks,
    IOptions<FhirOptions> options,
    TimeProvider clock) : IResourceWriter
{
    private readonly IWriteHook[] _hooks = [.. hooks];

    // datatypes.html#id
    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public void EnsureSupported(string type)
    {
        if (!types.IsSupported(type))
        {
            throw FhirException.UnsupportedType(type);
        }
    }

    private static void EnsureValidId(string id)
    {
        if (!IsValidId(id))
        {
            throw FhirException.BadRequest($"'{id}' is not a valid resource id (1–64 of A–Z, a–z, 0–9, '-' and '.').");
        }
    }

    private static void EnsureBodyType(string type, Resource resource)
    {
        if (resource.TypeName != type)
        {
            throw FhirException.BadRequest(
                $"The body is a {resource.TypeName} but the request is for {type}.", "Resource.resourceType");
        }
    }

    /// <summary>
    /// The one write path. Checks the caller may create or change the resource (issue #5), stamps identity and
    /// version metadata (the server owns meta.versionId and meta.lastUpdated, resource.html#Meta), validates it
    /// against its profiles, serialises, indexes and saves it, records who may see it, and records a Provenance
    /// for the caller — all in the caller's transaction.
    /// </summary>
    private async Task<ResourceVersion> SaveVersionAsync(
        IStoreWriteTransaction transaction, Resource resource, string id, int versionId, WriteMethod method, CancellationToken ct)
    {
        var key = new ResourceKey(resource.TypeName, id);
        var permission = versionId == 1 ? Permissions.Create : Permissions.Update;
        // The scope check here; that the caller may change this very resource was checked by UpdateInTransactionAsync
        // (the only path to a version after the first) before If-Match, so a 412 cannot leak a version either.
        policy.Require(key.Type, permission);

        var lastUpdated = Now();
        resource.Id = id;
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        resource.Meta.LastUpdated = lastUpdated;
        var context = new WriteContext(transaction, key, versionId, method, resource, policy.Caller, this);
        foreach (var hook in _hooks)
        {
            await hook.BeforeSaveAsync(context, ct);
        }

        var json = serializer.ToJsonBytes(resource);
        await validator.EnsureValidAsync(resource.TypeName, json, ct); // before anything is written (issue #3)
        var index = indexer.Index(resource);
        await transaction.SaveAsync(new NewVersion(key, versionId, lastUpdated, method, json, index), ct);

        var patients = await AccessRecorder.CasePatientsAsync(transaction, key, resource, index, ct);
        await recorder.RecordAsync(transaction, key, resource, patients, ct);
        await policy.EnsureWrittenInScopeAsync(transaction, key, permission, ct);
        await RecordProvenanceAsync(transaction, key, versionId, lastUpdated, method, patients, ct);
        foreach (var hook in _hooks)
        {
            await hook.AfterSaveAsync(context, ct);
        }

        return new ResourceVersion(key, versionId, lastUpdated, method, json);
    }

    /// <summary>provenance.html: what a client wrote, when and for whom; not for the server's own writes or for audit records.</summary>
    private async Task RecordProvenanceAsync(
        IStoreWriteTransaction transaction, ResourceKey target, int versionId, DateTimeOffset recorded, WriteMethod method,
        IReadOnlyList<string> patients, CancellationToken ct)
    {
        var caller = policy.Caller;
        if (caller.IsInternal || target.Type is "Provenance" or AccessPolicy.AuditType)
        {
            return;
        }

        var provenance = ProvenanceFactory.For(target, versionId, recorded, method, caller);
        var key = new ResourceKey("Provenance", NewId());
        provenance.Id = key.Id;
        provenance.Meta = new Meta { VersionId = "1", LastUpdated = recorded };
        var json = serializer.ToJsonBytes(provenance);
        await transaction.SaveAsync(new NewVersion(key, 1, recorded, WriteMethod.Create, json, indexer.Index(provenance)), ct);
        await transaction.GrantAsync(key, caller.OrganizationIds, ct);
        await transaction.SetCaseMembershipAsync(key, patients, ct);
    }

    /// <summary>Millisecond precision: what the store keeps and what the history cursor orders by.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private async Task<string?> FindSingleMatchAsync(
        IStoreWriteTransaction transaction, string type, IReadOnlyList<SearchClause> criteria, string operation, CancellationToken ct)
    {
        var matches = await transaction.FindCurrentIdsAsync(type, [.. criteria, .. policy.MatchingClauses(type)], 2, ct);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw FhirException.PreconditionFailed(
                $"The {operation} criteria match more than one {type}; make them more selective."),
        };
    }
}
