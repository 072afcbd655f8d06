using FhirOncology.Core.Errors;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>http.html#read: 404 when unknown or not visible to the caller, 410 when the current version is a deletion.</summary>
    public async Task<ResourceVersion> ReadAsync(string type, string id, CancellationToken ct)
    {
        EnsureSupported(type);
        policy.Require(type, Permissions.Read);
        var current = IsValidId(id) ? await store.ReadCurrentAsync(new ResourceKey(type, id), ct) : null;
        if (current is not null)
        {
            await policy.EnsureReadableAsync(store, current.Key, ct);
        }

        return current switch
        {
            null => throw FhirException.NotFound(type, id),
            { IsDeleted: true } => throw FhirException.Gone(type, id, current.VersionId),
            _ => current,
        };
    }

    /// <summary>http.html#vread: 404 for an unknown version, 410 when that version records the deletion.</summary>
    public async Task<ResourceVersion> VReadAsync(string type, string id, string versionId, CancellationToken ct)
    {
        EnsureSupported(type);
        policy.Require(type, Permissions.Read);
        ResourceVersion? version = null;
        if (IsValidId(id) && int.TryParse(versionId, System.Globalization.NumberStyles.None, null, out var number))
        {
            version = await store.ReadVersionAsync(new ResourceKey(type, id), number, ct);
            if (version is not null)
            {
                await policy.EnsureReadableAsync(store, version.Key, ct); // access is per resource, for all its versions
            }
        }

        return version switch
        {
            null => throw FhirException.NotFound(type, $"{id}/_history/{versionId}"),
            { IsDeleted: true } => throw FhirException.Gone(type, id, version.VersionId),
            _ => version,
        };
    }
}
