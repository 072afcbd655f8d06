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

    /// <summary>IResourceWriter: an update (or update-as-create) of the resource's own id inside a write already in progress.</summary>
    async Task<ResourceVersion> IResourceWriter.UpdateAsync(IStoreWriteTransaction transaction, Resource resource, CancellationToken ct)
    {
        EnsureSupported(resource.TypeName);
        EnsureUpdateBody(resource.TypeName, resource.Id ?? "", resource);
        policy.Require(resource.TypeName, Security.Permissions.Update);
        var result = await UpdateInTransactionAsync(transaction, resource.TypeName, resource.Id!, resource, null, ct);
        return result.Version!;
    }
}
