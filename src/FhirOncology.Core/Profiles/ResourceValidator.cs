using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Storage;
using FhirOncology.Validation;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Profiles;

/// <summary>
/// The server's use of the profile validator (issue #3): every create and update is checked against its base type,
/// its meta.profile, and the profiles the server requires for the type, before anything is written. Errors reject
/// the write with 422 (validation.html; http.html#2.21.0.14); warnings do not.
/// </summary>
public sealed class ResourceValidator(
    IProfileValidator validator, ProfileFolderLoader ownProfiles, IResourceStore store, Security.AccessPolicy policy,
    IOptions<ValidationOptions> options)
{
    private readonly ValidationContext _context = new() { ReferenceResolver = new StoreReferenceResolver(store, policy) };

    public IReadOnlyList<string> RequiredProfiles(string type) =>
        options.Value.RequiredProfiles.TryGetValue(type, out var profiles) ? profiles : [];

    /// <summary>Validates a resource about to be written; throws 422 with every error found.</summary>
    public async Task EnsureValidAsync(string type, ReadOnlyMemory<byte> json, CancellationToken ct)
    {
        await ownProfiles.EnsureLoadedAsync(ct);
        var report = await validator.ValidateAsync(json, RequiredProfiles(type), _context, ct);
        if (!report.IsValid)
        {
            throw new FhirException(HttpStatusCode.UnprocessableEntity, [.. report.Issues.Where(i => i.IsError).Select(ToIssue)]);
        }
    }

    /// <summary>$validate (resource-operation-validate.html): the full report, errors and warnings alike.</summary>
    public async Task<OperationOutcome> ValidateAsync(ReadOnlyMemory<byte> json, IEnumerable<string> profiles, CancellationToken ct)
    {
        await ownProfiles.EnsureLoadedAsync(ct);
        var report = await validator.ValidateAsync(json, profiles, _context, ct);
        return report.ToOperationOutcome();
    }

    private static FhirIssue ToIssue(ValidationIssue issue) => new(
        issue.Severity, issue.Code,
        issue.Profile is null ? issue.Message : $"{issue.Message} (profile {issue.Profile}{(issue.ElementId is null ? "" : ", element " + issue.ElementId)})",
        issue.Location);
}
