using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// A delivered second-opinion document is immutable (documents.html: a document is a fixed, attested set of
/// resources; a change is made by issuing a new document that replaces it, Composition.relatesTo 'replaces'). Updates,
/// patches and deletes of a stored second-opinion document Bundle, and of the Composition stored with it under the
/// same id, are refused with 405 before anything is written.
/// </summary>
public sealed class ReportImmutabilityHook(FhirSerializer serializer) : IWriteHook
{
    public async Task BeforeSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Method == WriteMethod.Create || context.Key.Type is not ("Bundle" or "Composition"))
        {
            return;
        }

        if (await IsDeliveredDocumentAsync(context.Transaction, context.Key.Id, ct)
            && (context.Key.Type == "Bundle" || await context.Transaction.ReadCurrentAsync(context.Key, ct) is { IsDeleted: false }))
        {
            throw new FhirException(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.BusinessRule,
                $"{context.Key} is part of a delivered second-opinion report and cannot be {(context.Method == WriteMethod.Delete ? "deleted" : "changed")}: " +
                "a FHIR document is immutable once issued (documents.html). Issue a new report that replaces it instead.");
        }
    }

    public Task AfterSaveAsync(WriteContext context, CancellationToken ct) => Task.CompletedTask;

    private async Task<bool> IsDeliveredDocumentAsync(IStoreWriteTransaction transaction, string id, CancellationToken ct) =>
        await transaction.ReadCurrentAsync(new ResourceKey("Bundle", id), ct) is { IsDeleted: false } stored
        && serializer.Parse(stored.Json.Span, FhirFormat.Json) is Bundle { Type: Bundle.BundleType.Document } bundle
        && SecondOpinion.Claims(bundle, SecondOpinion.DocumentProfile);
}
