using System.Reflection;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Capabilities;

/// <summary>
/// The CapabilityStatement served at <c>[base]/metadata</c> (http.html#capabilities). It states only what is
/// implemented; the integration tests exercise every interaction it claims.
/// </summary>
public sealed class CapabilityStatementBuilder(
    ResourceTypeRegistry types, SearchParameterCatalog catalog, Operations.OperationRegistry operations,
    Conformance.ConformanceArtifacts artifacts, IOptions<FhirOptions> options)
{
    private static readonly string SoftwareVersion =
        typeof(CapabilityStatementBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static readonly CapabilityStatement.TypeRestfulInteraction[] InstanceAndTypeInteractions =
    [
        CapabilityStatement.TypeRestfulInteraction.Read,
        CapabilityStatement.TypeRestfulInteraction.Vread,
        CapabilityStatement.TypeRestfulInteraction.Update,
        CapabilityStatement.TypeRestfulInteraction.Delete,
        CapabilityStatement.TypeRestfulInteraction.HistoryInstance,
        CapabilityStatement.TypeRestfulInteraction.HistoryType,
        CapabilityStatement.TypeRestfulInteraction.Create,
        CapabilityStatement.TypeRestfulInteraction.SearchType,
        CapabilityStatement.TypeRestfulInteraction.Patch,
    ];

    /// <summary>
    /// The statement for this server at <paramref name="baseUrl"/>. <paramref name="tokenEndpoint"/> and
    /// <paramref name="authorizeEndpoint"/> (when known) go into the SMART security extension.
    /// </summary>
    public CapabilityStatement Build(string baseUrl, string? tokenEndpoint = null, string? authorizeEndpoint = null)
    {
        var statement = new CapabilityStatement
        {
            Url = baseUrl + "/metadata",
            Name = "FhirOncologyServer",
            Title = "FhirOncology second-opinion FHIR server",
            Status = PublicationStatus.Active,
            Date = "2026-11-22",
            Publisher = "FhirOncology",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "FhirOncology", Version = SoftwareVersion },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "FhirOncology FHIR R4 server", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json", "application/fhir+xml"],
            PatchFormat = ["application/json-patch+json", "application/fhir+json", "application/fhir+xml"],
        };

        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "Search (GET, or POST to _search): every parameter listed per resource, with the modifiers "
                + ":missing, :exact, :contains (string), :not, :text, :of-type (token), :below, :above (uri) and :[type] (reference); prefixes on "
                + "date, number and quantity; chained parameters and _has; _include and _revinclude (with :iterate); _count, "
                + "_total, _summary, _elements, _sort on up to three parameters (- for descending; missing values last). Prefer: handling=strict makes unknown "
                + "parameters an error, otherwise they are ignored and reported in an OperationOutcome entry. Conditional "
                + "create, update and delete take the same parameters as criteria. History and search page with 'next' links. "
                + "POST [base] takes transaction Bundles (all or nothing; urn:uuid and conditional references resolved; "
                + "DELETE, POST, PUT/PATCH, then GET) and batch Bundles (each entry on its own); at most Fhir:MaxBundleEntries entries. "
                + "PATCH takes JSON Patch (application/json-patch+json) or FHIRPath Patch (a Parameters resource), with If-Match, "
                + "on an instance, conditionally, and in Bundles. Every create and update is validated against the base type, "
                + "meta.profile and the profiles configured in Validation:RequiredProfiles; errors give 422 and nothing is stored.",
            Interaction =
            [
                new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.HistorySystem },
                new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.SearchSystem },
                new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Batch },
            ],
            Operation =
            [
                new CapabilityStatement.OperationComponent { Name = "reindex", Definition = "https://fhironcology.org/fhir/OperationDefinition/reindex" },
                new CapabilityStatement.OperationComponent { Name = "verify-audit-chain", Definition = "https://fhironcology.org/fhir/OperationDefinition/verify-audit-chain" },
            ],
        };

        rest.Security = Security(tokenEndpoint, authorizeEndpoint);
        foreach (var operation in operations.All.Where(o => (o.Levels & Operations.OperationLevel.System) != 0).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            rest.Operation.Add(new CapabilityStatement.OperationComponent { Name = operation.Name, Definition = operation.Definition });
        }

        var profiles = artifacts.ResourceProfiles();
        foreach (var type in types.All)
        {
            var component = ResourceComponent(type);
            component.SupportedProfileElement = [.. profiles[type].Order(StringComparer.Ordinal).Select(url => new Canonical(url))];
            rest.Resource.Add(component);
        }

        foreach (var type in Conformance.ConformanceArtifacts.Types)
        {
            rest.Resource.Add(ConformanceComponent(type));
        }

        statement.Rest.Add(rest);
        return statement;
    }

    private CapabilityStatement.ResourceComponent ResourceComponent(string type)
    {
        var parameters = catalog.ForType(type).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var references = parameters.Where(p => p.Type == SearchParamType.Reference).ToList();
        // AuditEvent is written by the server only and Provenance is append-only (issue #5): only what the API allows is stated.
        var creates = AccessPolicy.AllowsThroughApi(type, Permissions.Create);
        var updates = AccessPolicy.AllowsThroughApi(type, Permissions.Update);
        var deletes = AccessPolicy.AllowsThroughApi(type, Permissions.Delete);
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = $"http://hl7.org/fhir/StructureDefinition/{type}",
            Interaction = [.. InstanceAndTypeInteractions
                .Where(code => AccessPolicy.AllowsThroughApi(type, PermissionFor(code)))
                .Select(code => new CapabilityStatement.ResourceInteractionComponent { Code = code })],
            Versioning = CapabilityStatement.ResourceVersionPolicy.VersionedUpdate,
            ReadHistory = true,
            UpdateCreate = updates && options.Value.AllowUpdateCreate,
            ConditionalCreate = creates,
            ConditionalUpdate = updates,
            ConditionalDelete = deletes ? CapabilityStatement.ConditionalDeleteStatus.Single : CapabilityStatement.ConditionalDeleteStatus.NotSupported,
            ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
            SearchInclude = ["*", .. references.Select(p => $"{type}:{p.Code}")],
            SearchRevInclude = [.. types.All.SelectMany(source => catalog.ForType(source)
                    .Where(p => p.Type == SearchParamType.Reference && (p.Targets.Count == 0 || p.Targets.Contains(type)))
                    .Select(p => $"{source}:{p.Code}"))
                .Order(StringComparer.Ordinal)],
        };
        component.Operation.Add(new CapabilityStatement.OperationComponent { Name = "validate", Definition = "http://hl7.org/fhir/OperationDefinition/Resource-validate" });
        foreach (var operation in operations.All.Where(o => o.Types.Contains(type)).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            component.Operation.Add(new CapabilityStatement.OperationComponent { Name = operation.Name, Definition = operation.Definition });
        }
        component.SearchParam.Add(Parameter("_id", SearchParamType.Token, "http://hl7.org/fhir/SearchParameter/Resource-id"));
        component.SearchParam.Add(Parameter("_lastUpdated", SearchParamType.Date, "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated"));
        component.SearchParam.AddRange(parameters.Select(p => Parameter(p.Code, p.Type, p.Url)));
        return component;
    }

    private static Permissions PermissionFor(CapabilityStatement.TypeRestfulInteraction code) => code switch
    {
        CapabilityStatement.TypeRestfulInteraction.Create => Permissions.Create,
        CapabilityStatement.TypeRestfulInteraction.Update or CapabilityStatement.TypeRestfulInteraction.Patch => Permissions.Update,
        CapabilityStatement.TypeRestfulInteraction.Delete => Permissions.Delete,
        CapabilityStatement.TypeRestfulInteraction.SearchType => Permissions.Search,
        _ => Permissions.Read,
    };

    private static CapabilityStatement.SearchParamComponent Parameter(string name, SearchParamType type, string definition) =>
        new() { Name = name, Type = type, Definition = definition };

    /// <summary>
    /// http.html#security and SMART App Launch (conformance.html): SMART-on-FHIR OAuth, with the token and
    /// authorize endpoints in the oauth-uris extension (deprecated in SMART 2 in favour of
    /// .well-known/smart-configuration, and still read by many clients).
    /// </summary>
    private static CapabilityStatement.SecurityComponent Security(string? tokenEndpoint, string? authorizeEndpoint)
    {
        var security = new CapabilityStatement.SecurityComponent
        {
            Cors = true,
            Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")],
            Description = "Every interaction except GET [base]/metadata and [base]/.well-known/smart-configuration needs an OAuth 2.0 "
                + "bearer access token (SMART App Launch 2.x; Backend Services for systems). Scopes v1 and v2 are enforced per "
                + "interaction, including query-constrained v2 scopes; a client sees only the data of its organisation's cases. "
                + "Every request under [base] is recorded as an AuditEvent (IHE BALP style), readable only with a scope naming AuditEvent "
                + "and only for the caller's own organisation; the audit log is hash-chained and verified by [base]/$verify-audit-chain.",
        };
        if (tokenEndpoint is not null)
        {
            var uris = new Extension { Url = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris" };
            uris.Extension.Add(new Extension("token", new FhirUri(tokenEndpoint)));
            if (authorizeEndpoint is not null)
            {
                uris.Extension.Add(new Extension("authorize", new FhirUri(authorizeEndpoint)));
            }

            security.Extension.Add(uris);
        }

        return security;
    }

    /// <summary>Our conformance resources: read-only, searchable by _id, url, name and version (issue #6).</summary>
    private CapabilityStatement.ResourceComponent ConformanceComponent(string type)
    {
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Documentation = "Read-only: this server's own " + type + " resources, at their canonical URLs. Any valid access token may read them. "
                + "Canonical URLs: " + string.Join(", ", artifacts.All.Where(r => r.TypeName == type).OfType<IVersionableConformanceResource>().Select(r => r.Url).Order(StringComparer.Ordinal)),
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
        };
        foreach (var (name, kind) in new[] { ("_id", SearchParamType.Token), ("url", SearchParamType.Uri), ("name", SearchParamType.String), ("version", SearchParamType.Token) })
        {
            component.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = name, Type = kind });
        }

        return component;
    }
}
