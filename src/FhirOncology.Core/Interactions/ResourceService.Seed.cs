using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>
    /// Server-side seeding (demo directory, demo organisations): creates the resource with its fixed id through the
    /// normal update path (http.html#upsert) unless it exists; a deleted one is recreated. True when it was created.
    /// </summary>
    public async Task<bool> CreateIfMissingAsync(Resource resource, CancellationToken ct)
    {
        var id = resource.Id ?? throw new ArgumentException("A seeded resource needs its fixed id.", nameof(resource));
        if (await store.ReadCurrentAsync(new ResourceKey(resource.TypeName, id), ct) is { IsDeleted: false })
        {
            return false;
        }

        await UpdateAsync(resource.TypeName, id, resource, ifMatch: null, ct);
        return true;
    }
}
