using FhirOncology.Core.Search;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>
    /// http.html#update. The body's id must equal the URL's. <paramref name="ifMatch"/> is the version the client
    /// last saw (http.html#concurrency): any other current version gives 412. An unknown id creates the resource
    /// with that id when update-as-create is allowed (http.html#upsert), otherwise 405.
    /// </summary>
    public async Task<WriteResult> UpdateAsync(string type, string id, Resource resource, int? ifMatch, CancellationToken ct)
    {
        EnsureSupported(type);
        EnsureBodyType(type, resource);
        EnsureUpdateBody(type, id, resource);
        policy.Require(type, Permissions.Update);

        await using var transaction = await store.BeginWriteAsync(ct);
        var result = await UpdateInTransactionAsync(transaction, type, id, resource, ifMatch, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>http.html#update: the body's id is required and must equal the URL's.</summary>
    internal static void EnsureUpdateBody(string type, string id, Resource resource)
    {
        EnsureValidId(id);
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw FhirException.BadRequest("The resource in an update must have an id equal to the one in the URL.", $"{type}.id");
        }

        if (resource.Id != id)
        {
            throw FhirException.BadRequest($"The body's id '{resource.Id}' does not match the URL's id '{id}'.", $"{type}.id");
        }
    }

    /// <summary>
    /// http.html#cond-update: no match creates (with the body's id if it has one), one match updates it (the
    /// body's id, if given, must be that one), several give 412.
    /// </summary>
    public async Task<WriteResult> ConditionalUpdateAsync(
        string type, IEnumerable<KeyValuePair<string, string>> query, Resource resource, int? ifMatch, CancellationToken ct)
    {
        EnsureSupported(type);
        EnsureBodyType(type, resource);
        policy.Require(type, Permissions.Update);
        var criteria = searchParser.ParseCriteria(type, query);

        await using var transaction = await store.BeginWriteAsync(ct);
        var matchId = await FindSingleMatchAsync(transaction, type, criteria, "conditional update", ct);
        if (matchId is not null && !string.IsNullOrEmpty(resource.Id) && resource.Id != matchId)
        {
            throw FhirException.BadRequest(
                $"The criteria match {type}/{matchId} but the body's id is '{resource.Id}'.", $"{type}.id");
        }

        var id = matchId ?? resource.Id;
        WriteResult result;
        if (id is null)
        {
            result = new WriteResult(WriteOutcome.Created, await SaveVersionAsync(transaction, resource, NewId(), 1, WriteMethod.Create, ct));
        }
        else
        {
            EnsureValidId(id);
            result = await UpdateInTransactionAsync(transaction, type, id, resource, ifMatch, ct);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    internal async Task<WriteResult> UpdateInTransactionAsync(
        IStoreWriteTransaction transaction, string type, string id, Resource resource, int? ifMatch, CancellationToken ct)
    {
        var current = await transaction.ReadCurrentAsync(new ResourceKey(type, id), ct);
        if (current is not null)
        {
            // Before If-Match, so a 412 cannot reveal the version of a resource the caller may not see.
            await policy.EnsureChangeableAsync(transaction, current.Key, Permissions.Update, ct);
        }

        if (ifMatch is { } expected && current?.VersionId != expected)
        {
            throw FhirException.PreconditionFailed(current is null
                ? $"If-Match names version {expected} but {type}/{id} does not exist."
                : $"If-Match names version {expected} but the current version of {type}/{id} is {current.VersionId}.");
        }

        if (current is null)
        {
            if (!options.Value.AllowUpdateCreate)
            {
                throw new FhirException(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported,
                    $"{type}/{id} does not exist and this server does not create resources through update.");
            }

            return new WriteResult(WriteOutcome.Created, await SaveVersionAsync(transaction, resource, id, 1, WriteMethod.Update, ct));
        }

        var outcome = current.IsDeleted ? WriteOutcome.Created : WriteOutcome.Updated;
        var saved = await SaveVersionAsync(transaction, resource, id, current.VersionId + 1, WriteMethod.Update, ct);
        return new WriteResult(outcome, saved);
    }
}
