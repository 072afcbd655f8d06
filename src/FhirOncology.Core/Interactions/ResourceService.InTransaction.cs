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
    /// and rolls back when it throws.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<TransactionWrites, Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await store.BeginWriteAsync(ct);
        var result = await work(new TransactionWrites(this, transaction));
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
}
