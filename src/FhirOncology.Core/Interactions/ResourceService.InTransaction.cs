using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// The steps of the interactions, for callers that run several of them in one database transaction (a
/// transaction Bundle, bundle.html#transaction). Checks and effects are the same as for single interactions.
/// </summary>
public sealed partial class ResourceService
{
    internal static string ReserveId() => NewId();

    /// <summary>
    /// Runs several writes as one unit (all or nothing, like a transaction Bundle, bundle.html#transaction) for
    /// domain operations whose writes belong together, e.g. storing a report and completing its Task. Each write
    /// takes the full write path (access, hooks, validation, indexing, Provenance); the work commits when it returns
    /// and rolls back when it throws. The writes go through <see cref="IResourceWriter"/> with the transaction handed to <paramref name="work"/>.
    public async Task<T> InTransactionAsync<T>(Func<IStoreWriteTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await store.BeginWriteAsync(ct);
        var result = await work(transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>A transaction or batch entry needs the same scope as the interaction on its own (issue #5).</summary>
    internal void Require(string type, Security.Permissions permission) => policy.Require(type, permission);

    internal IReadOnlyList<SearchClause> ParseCriteria(string type, IEnumerable<KeyValuePair<string, string>> query)
    {
        EnsureSupported(type);
        return searchParser.ParseCriteria(type, query);
    }

    internal Task<string?> MatchAsync(
        IStoreWriteTransaction transaction, string type, IReadOnlyList<SearchClause> criteria, string operation, CancellationToken ct) =>
        FindSingleMatchAsync(transaction, type, criteria, operation, ct);

    /// <summary>Creates a resource with an id reserved beforehand (references to it were already rewritten).</summary>
    internal async Task<WriteResult> CreateWithIdAsync(IStoreWriteTransaction transaction, Resource resource, string id, CancellationToken ct)
    {
        EnsureSupported(resource.TypeName);
        return new WriteResult(WriteOutcome.Created, await SaveVersionAsync(transaction, resource, id, 1, WriteMethod.Create, ct));
    }

    /// <summary>IResourceWriter: a create inside a write already in progress, checked like any create.</summary>
    async Task<ResourceVersion> IResourceWriter.CreateAsync(IStoreWriteTransaction transaction, Resource resource, CancellationToken ct)
    {
        EnsureSupported(resource.TypeName);
        policy.Require(resource.TypeName, Security.Permissions.Create);
        return await SaveVersionAsync(transaction, resource, NewId(), 1, WriteMethod.Create, ct);
    }

    /// <summary>IResourceWriter: a create with an id chosen by the server's own code; an invalid or taken id is 409.</summary>
    async Task<ResourceVersion> IResourceWriter.CreateWithIdAsync(IStoreWriteTransaction transaction, Resource resource, string id, CancellationToken ct)
    {
        EnsureSupported(resource.TypeName);
        policy.Require(resource.TypeName, Security.Permissions.Create);
        if (!IsValidId(id) || await transaction.ReadCurrentAsync(new ResourceKey(resource.TypeName, id), ct) is not null)
        {
            throw new Errors.FhirException(System.Net.HttpStatusCode.Conflict, OperationOutcome.IssueType.Duplicate,
                $"{resource.TypeName}/{id} cannot be created: the id is invalid or in use.");
        }

        return await SaveVersionAsync(transaction, resource, id, 1, WriteMethod.Create, ct);
    }

    /// <summary>IResourceWriter: an update (or update-as-create) of the resource's own id inside a write already in progress.</summary>
    Task<ResourceVersion> IResourceWriter.UpdateAsync(IStoreWriteTransaction transaction, Resource resource, CancellationToken ct) =>
        UpdateInProgressAsync(transaction, resource, null, ct);

    Task<ResourceVersion> IResourceWriter.UpdateAsync(IStoreWriteTransaction transaction, Resource resource, int ifMatch, CancellationToken ct) =>
        UpdateInProgressAsync(transaction, resource, ifMatch, ct);

    private async Task<ResourceVersion> UpdateInProgressAsync(IStoreWriteTransaction transaction, Resource resource, int? ifMatch, CancellationToken ct)
    {
        EnsureSupported(resource.TypeName);
        EnsureUpdateBody(resource.TypeName, resource.Id ?? "", resource);
        policy.Require(resource.TypeName, Security.Permissions.Update);
        var result = await UpdateInTransactionAsync(transaction, resource.TypeName, resource.Id!, resource, ifMatch, ct);
        return result.Version!;
    }
}
