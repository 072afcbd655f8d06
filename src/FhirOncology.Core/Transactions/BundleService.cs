using System.Globalization;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.History;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Search;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Transactions;

/// <summary>
/// <c>POST [base]</c> with a transaction or batch Bundle (http.html#transaction, bundle.html#transaction).
/// A transaction is all or nothing in one database transaction; a batch runs each entry on its own.
/// </summary>
public sealed partial class BundleService(
    IResourceStore store, ResourceService resources, SearchService search, HistoryService history, FhirSerializer serializer,
    IEnumerable<ITransactionHook> transactionHooks, IOptions<FhirOptions> options)
{
    private readonly ITransactionHook[] _transactionHooks = [.. transactionHooks];

    public async Task<Bundle> ProcessAsync(Resource body, string baseUrl, bool representation, CancellationToken ct)
    {
        if (body is not Bundle bundle)
        {
            throw FhirException.BadRequest($"POST to the base takes a transaction or batch Bundle, not a {body.TypeName}.", "Bundle");
        }

        if (bundle.Entry.Count > options.Value.MaxBundleEntries)
        {
            throw new FhirException(HttpStatusCode.RequestEntityTooLarge, OperationOutcome.IssueType.TooCostly,
                $"The Bundle has {bundle.Entry.Count} entries; this server takes at most {options.Value.MaxBundleEntries} (Fhir:MaxBundleEntries).");
        }

        return bundle.Type switch
        {
            Bundle.BundleType.Transaction => await TransactionAsync(bundle, baseUrl, representation, ct),
            Bundle.BundleType.Batch => await BatchAsync(bundle, baseUrl, representation, ct),
            _ => throw FhirException.BadRequest($"Bundle.type must be transaction or batch to be processed; got '{bundle.Type?.ToString() ?? "none"}'.", "Bundle.type"),
        };
    }

    private Bundle.EntryComponent WriteEntry(WriteResult result, string baseUrl, bool representation)
    {
        var version = result.Version;
        var status = result.Outcome switch
        {
            WriteOutcome.Created => "201 Created",
            WriteOutcome.Deleted or WriteOutcome.NothingToDelete => "204 No Content",
            _ => "200 OK",
        };
        var entry = new Bundle.EntryComponent { Response = new Bundle.ResponseComponent { Status = status } };
        if (version is null || result.Outcome == WriteOutcome.NothingToDelete)
        {
            return entry;
        }

        var key = version.Key;
        entry.Response.Etag = VersionTag.Format(version.VersionId);
        entry.Response.LastModified = version.LastUpdated;
        if (!version.IsDeleted)
        {
            entry.FullUrl = $"{baseUrl}/{key.Type}/{key.Id}";
            entry.Response.Location = $"{key.Type}/{key.Id}/_history/{version.VersionId.ToString(CultureInfo.InvariantCulture)}";
            entry.Resource = representation ? serializer.Parse(version.Json.Span, FhirFormat.Json) : null;
        }

        return entry;
    }

    private static Bundle.EntryComponent ErrorEntry(FhirException error) => new()
    {
        Response = new Bundle.ResponseComponent
        {
            Status = $"{((int)error.Status).ToString(CultureInfo.InvariantCulture)} {error.Status}",
            Outcome = error.ToOperationOutcome(),
        },
    };

    /// <summary>Reports an entry's failure at that entry (bundle.html#transaction-response: one OperationOutcome).</summary>
    private static FhirException AtEntry(FhirException error, EntryRequest request) => new(error.Status,
        [.. error.Issues.Select(issue => issue with
        {
            Expression = issue.Expression is null ? request.Location
                : issue.Expression.StartsWith(request.Type + ".", StringComparison.Ordinal) || issue.Expression == request.Type
                    ? $"{request.Location}.resource{issue.Expression[request.Type.Length..]}"
                    : $"{request.Location}.resource.{issue.Expression}",
            Message = $"{request.Location} ({request.Method} {request.Type}): {issue.Message}",
        })]);
}
