using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// Writes that join a database transaction already in progress — from a write hook (through
/// <see cref="WriteContext.Writer"/>), a transaction hook or an operation — and take the one write path of
/// <see cref="ResourceService"/>: access checks for the current caller, hooks, validation, indexing, access
/// recording and Provenance. So a Task status changed by the server is seen by every other hook. Run server-side
/// work as <see cref="Security.Caller.Internal"/> (<see cref="Security.CallerContext.Use"/>).
/// </summary>
public interface IResourceWriter
{
    /// <summary>http.html#create inside <paramref name="transaction"/>: the server assigns the id.</summary>
    Task<ResourceVersion> CreateAsync(IStoreWriteTransaction transaction, Resource resource, CancellationToken ct);

    /// <summary>
    /// http.html#create with an id the server's own code chose (e.g. to give related records the same one); an
    /// invalid or taken id gives 409.
    /// </summary>
    Task<ResourceVersion> CreateWithIdAsync(IStoreWriteTransaction transaction, Resource resource, string id, CancellationToken ct);

    /// <summary>http.html#update inside <paramref name="transaction"/> of the resource's own id (which must be set).</summary>
    Task<ResourceVersion> UpdateAsync(IStoreWriteTransaction transaction, Resource resource, CancellationToken ct);

    /// <summary>As <see cref="UpdateAsync(IStoreWriteTransaction, Resource, CancellationToken)"/>, 412 unless the current version is <paramref name="ifMatch"/> (http.html#concurrency).</summary>
    Task<ResourceVersion> UpdateAsync(IStoreWriteTransaction transaction, Resource resource, int ifMatch, CancellationToken ct);
}
