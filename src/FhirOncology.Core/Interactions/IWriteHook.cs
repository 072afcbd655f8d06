using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// A write in progress, as hooks see it. <see cref="Resource"/> is null for a delete. Hooks run inside the write's
/// database transaction: reading through <see cref="Transaction"/> sees the writes before it (in a transaction
/// Bundle, the earlier entries), and throwing a <see cref="Errors.FhirException"/> rolls everything back.
/// </summary>
public sealed record WriteContext(IStoreWriteTransaction Transaction, ResourceKey Key, int VersionId, WriteMethod Method, Resource? Resource, Caller Caller)
{
    /// <summary>
    /// Writes of related resources in this same transaction, through the full write path (access checks as the
    /// current caller, hooks, validation, indexing, Provenance): how a hook changes e.g. a Task so that the Task's
    /// own rules apply. A hook that writes must not react to its own writes (it is called for them too).
    /// </summary>
    public TransactionWrites Writes { get; init; } = TransactionWrites.Unavailable;
}

/// <summary>
/// How the domain (FhirOncology.Oncology) plugs rules into every create, update, patch, delete and transaction entry
/// (STYLE.md: "plugs into Core through write hooks"): <see cref="BeforeSaveAsync"/> may reject the write or amend the
/// resource (it is validated after the hooks ran); <see cref="AfterSaveAsync"/> may write related resources or
/// queue work in the same transaction.
/// </summary>
public interface IWriteHook
{
    Task BeforeSaveAsync(WriteContext context, CancellationToken ct);

    Task AfterSaveAsync(WriteContext context, CancellationToken ct);
}
