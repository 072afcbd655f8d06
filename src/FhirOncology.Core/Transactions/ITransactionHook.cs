using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Transactions;

/// <summary>
/// A transaction Bundle as a whole (bundle.html#transaction), as transaction hooks see it: the Bundle as the client
/// sent it (references not yet rewritten) and the database transaction every entry will be written in.
/// </summary>
public sealed record TransactionContext(IStoreWriteTransaction Transaction, Bundle Bundle, string BaseUrl);

/// <summary>
/// How the domain takes part in a transaction Bundle beyond its single entries (which the write hooks see): rules
/// across entries, such as "one Patient, and every resource about it". Both calls run inside the transaction's one
/// database transaction, so what a hook reads cannot change before the commit; throwing a
/// <see cref="Errors.FhirException"/> rolls everything back and is reported as it is (its expressions name
/// <c>Bundle.entry[i]</c> themselves). Batches are not transactions and do not come here.
/// </summary>
public interface ITransactionHook
{
    /// <summary>
    /// Before any entry is processed. Throws to reject the Bundle (nothing is stored), or returns a
    /// transaction-response Bundle to answer with instead of processing it (nothing is written; e.g. a resubmission
    /// answered with what the first submission stored); null lets processing go on.
    /// </summary>
    Task<Bundle?> BeforeTransactionAsync(TransactionContext context, CancellationToken ct);

    /// <summary>
    /// After every entry was written, before the commit. <paramref name="written"/> holds, per entry, the resource
    /// the entry wrote or matched (null for GET entries and deletes that found nothing). May write more through
    /// <see cref="Interactions.IResourceWriter"/>, or throw to roll the whole Bundle back.
    /// </summary>
    Task AfterTransactionAsync(TransactionContext context, IReadOnlyList<ResourceKey?> written, CancellationToken ct);
}
