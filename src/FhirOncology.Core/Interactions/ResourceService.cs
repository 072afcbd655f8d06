using System.Text.RegularExpressions;
using FhirOncology.Core.Search;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Profiles;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Interactions;

/// <summary>
/// The RESTful interactions on single resources (http.html): read, vread, create, update, delete and their
/// conditional forms. Split by interaction into partial files.
/// </summary>
public sealed partial class ResourceService(
    IResourceStore store,
    ResourceTypeRegistry types,
    SearchIndexer indexer,
    SearchQueryParser searchParser,
    FhirSerializer serializer,
    ResourceValidator validator,
    IOptions<FhirOptions> options,
    TimeProvider clock)
{
    // datatypes.html#id
    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public void EnsureSupported(string type)
    {
        if (!types.IsSupported(type))
        {
            throw FhirException.UnsupportedType(type);
        }
    }

    private static void EnsureValidId(string id)
    {
        if (!IsValidId(id))
        {
            throw FhirException.BadRequest($"'{id}' is not a valid resource id (1–64 of A–Z, a–z, 0–9, '-' and '.').");
        }
    }

    private static void EnsureBodyType(string type, Resource resource)
    {
        if (resource.TypeName != type)
        {
            throw FhirException.BadRequest(
                $"The body is a {resource.TypeName} but the request is for {type}.", "Resource.resourceType");
        }
    }

    /// <summary>
    /// Stamps identity and version metadata onto the resource, validates it against its profiles, serialises and
    /// indexes it, and saves it in the transaction. The server owns meta.versionId and meta.lastUpdated
    /// (resource.html#Meta).
    /// </summary>
    private async Task<ResourceVersion> SaveVersionAsync(
        IStoreWriteTransaction transaction, Resource resource, string id, int versionId, WriteMethod method, CancellationToken ct)
    {
        var lastUpdated = Now();
        resource.Id = id;
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        resource.Meta.LastUpdated = lastUpdated;
        var json = serializer.ToJsonBytes(resource);
        await validator.EnsureValidAsync(resource.TypeName, json, ct); // before anything is written (issue #3)
        var key = new ResourceKey(resource.TypeName, id);
        var version = new NewVersion(key, versionId, lastUpdated, method, json, indexer.Index(resource));
        await transaction.SaveAsync(version, ct);
        return new ResourceVersion(key, versionId, lastUpdated, method, json);
    }

    /// <summary>Millisecond precision: what the store keeps and what the history cursor orders by.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private static async Task<string?> FindSingleMatchAsync(
        IStoreWriteTransaction transaction, string type, IReadOnlyList<SearchClause> criteria, string operation, CancellationToken ct)
    {
        var matches = await transaction.FindCurrentIdsAsync(type, criteria, 2, ct);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw FhirException.PreconditionFailed(
                $"The {operation} criteria match more than one {type}; make them more selective."),
        };
    }
}
