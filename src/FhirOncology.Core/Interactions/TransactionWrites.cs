using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// Creates and updates inside an open write transaction, for write hooks (<see cref="WriteContext.Writes"/>): the
/// same steps as a create or update on its own (http.html#create, #update), committed or rolled back with the write
/// that called the hook.
/// </summary>
public sealed class TransactionWrites
{
    /// <summary>For a <see cref="WriteContext"/> built outside <see cref="ResourceService"/> (e.g. in a unit test).</summary>
    public static readonly TransactionWrites Unavailable = new(null, null);

    private readonly ResourceService? _resources;
    private readonly IStoreWriteTransaction? _transaction;

    internal TransactionWrites(ResourceService? resources, IStoreWriteTransaction? transaction)
    {
        _resources = resources;
        _transaction = transaction;
    }

    /// <summary>The current version inside the transaction (it sees the transaction's own writes).</summary>
    public Task<ResourceVersion?> ReadCurrentAsync(ResourceKey key, CancellationToken ct) => Transaction.ReadCurrentAsync(key, ct);

    /// <summary>http.html#update of an existing resource; <paramref name="ifMatch"/> guards against a concurrent change.</summary>
    public async Task<ResourceVersion> UpdateAsync(Resource resource, int? ifMatch, CancellationToken ct)
    {
        var id = resource.Id ?? throw new InvalidOperationException("An update needs the resource's id.");
        ResourceService.EnsureUpdateBody(resource.TypeName, id, resource);
        Resources.Require(resource.TypeName, Security.Permissions.Update);
        var result = await Resources.UpdateInTransactionAsync(Transaction, resource.TypeName, id, resource, ifMatch, ct);
        return result.Version!;
    }

    /// <summary>
    /// http.html#create. With <paramref name="id"/> the server's own code chooses the id (e.g. to give related
    /// records the same one); an id in use gives 409.
    /// </summary>
    public async Task<ResourceVersion> CreateAsync(Resource resource, string? id, CancellationToken ct)
    {
        Resources.EnsureSupported(resource.TypeName);
        Resources.Require(resource.TypeName, Security.Permissions.Create);
        if (id is not null && (!ResourceService.IsValidId(id) || await Transaction.ReadCurrentAsync(new ResourceKey(resource.TypeName, id), ct) is not null))
        {
            throw new Errors.FhirException(System.Net.HttpStatusCode.Conflict, OperationOutcome.IssueType.Duplicate,
                $"{resource.TypeName}/{id} cannot be created: the id is invalid or in use.");
        }

        var result = await Resources.CreateWithIdAsync(Transaction, resource, id ?? ResourceService.ReserveId(), ct);
        return result.Version!;
    }

    private ResourceService Resources => _resources ?? throw new InvalidOperationException("No write transaction is available here.");

    private IStoreWriteTransaction Transaction => _transaction ?? throw new InvalidOperationException("No write transaction is available here.");
}
