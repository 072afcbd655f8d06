using System.Net;
using System.Text;
using System.Text.Json;
using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Profiles;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// <c>$validate</c> at type and instance level (resource-operation-validate.html): the body is the resource, or a
/// Parameters with <c>resource</c>, <c>mode</c> and <c>profile</c>; GET on an instance validates the stored version.
/// The answer is 200 with an OperationOutcome holding every issue, errors included (validation.html).
/// </summary>
internal static class ValidateHandlers
{
    // $validate checks a resource about to be written: it needs a scope to create or update the type (issue #5).
    internal static async Task<IResult> TypeAsync(string type, HttpContext context, ResourceService resources, ResourceValidator validator, FhirSerializer serializer, AccessPolicy policy, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        policy.Require(type, Permissions.Create);
        return await ValidateBodyAsync(type, null, context, validator, serializer, ct);
    }

    internal static async Task<IResult> InstanceAsync(string type, string id, HttpContext context, ResourceService resources, ResourceValidator validator, FhirSerializer serializer, AccessPolicy policy, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        policy.Require(type, Permissions.Update);
        return await ValidateBodyAsync(type, id, context, validator, serializer, ct);
    }

    internal static async Task<IResult> StoredAsync(string type, string id, HttpContext context, ResourceService resources, ResourceValidator validator, CancellationToken ct)
    {
        var current = await resources.ReadAsync(type, id, ct);
        var profiles = validator.RequiredProfiles(type).Concat(context.Request.Query["profile"].OfType<string>());
        return FhirResult.Resource(StatusCodes.Status200OK, await validator.ValidateAsync(current.Json, profiles, ct));
    }

    private static async Task<IResult> ValidateBodyAsync(
        string type, string? id, HttpContext context, ResourceValidator validator, FhirSerializer serializer, CancellationToken ct)
    {
        var format = Negotiation.RequestFormat(context.Request);
        var body = await RequestBody.ReadAsync(context);
        // XML is read into JSON first; the validator then walks the JSON (structure errors in XML come from the parser).
        var json = format == FhirFormat.Json ? body : serializer.ToJsonBytes(serializer.Parse(body, FhirFormat.Xml));
        var (resource, mode, profiles) = Unwrap(json);
        if (mode == "delete")
        {
            return FhirResult.Resource(StatusCodes.Status200OK, FhirIssue.ToOperationOutcome(
                [new FhirIssue(OperationOutcome.IssueSeverity.Information, OperationOutcome.IssueType.Informational, "No rules of this server prevent the deletion.")]));
        }

        CheckTarget(type, id, resource);
        var all = validator.RequiredProfiles(type).Concat(profiles).Concat(context.Request.Query["profile"].OfType<string>());
        return FhirResult.Resource(StatusCodes.Status200OK, await validator.ValidateAsync(resource, all, ct));
    }

    /// <summary>The resource to check, the mode and extra profiles, from a bare resource or a Parameters wrapper.</summary>
    private static (ReadOnlyMemory<byte> Resource, string? Mode, List<string> Profiles) Unwrap(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var resourceType) || resourceType.GetString() != "Parameters")
            {
                return (json, null, []);
            }

            ReadOnlyMemory<byte>? resource = null;
            string? mode = null;
            var profiles = new List<string>();
            foreach (var parameter in root.TryGetProperty("parameter", out var list) ? list.EnumerateArray() : default)
            {
                switch (parameter.TryGetProperty("name", out var name) ? name.GetString() : null)
                {
                    case "resource" when parameter.TryGetProperty("resource", out var inner):
                        resource = Encoding.UTF8.GetBytes(inner.GetRawText());
                        break;
                    case "mode" when parameter.TryGetProperty("valueCode", out var code):
                        mode = code.GetString();
                        break;
                    case "profile" when parameter.TryGetProperty("valueUri", out var uri) || parameter.TryGetProperty("valueCanonical", out uri):
                        profiles.Add(uri.GetString() ?? "");
                        break;
                }
            }

            return (resource ?? (mode == "delete" ? json : throw FhirException.BadRequest("$validate Parameters need a 'resource' parameter.")), mode, profiles);
        }
        catch (JsonException ex)
        {
            throw FhirException.BadRequest($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static void CheckTarget(string type, string? id, ReadOnlyMemory<byte> resource)
    {
        using var document = JsonDocument.Parse(resource);
        var root = document.RootElement;
        var actualType = root.TryGetProperty("resourceType", out var t) ? t.GetString() : null;
        if (actualType != type)
        {
            throw new FhirException(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid, $"$validate on {type} was given a {actualType ?? "body without resourceType"}.");
        }

        if (id is not null && root.TryGetProperty("id", out var bodyId) && bodyId.GetString() != id)
        {
            throw FhirException.BadRequest($"The resource's id '{bodyId.GetString()}' does not match the URL's id '{id}'.");
        }
    }
}
