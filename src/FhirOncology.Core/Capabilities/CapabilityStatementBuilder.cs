using System.Reflection;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Capabilities;

/// <summary>
/// The CapabilityStatement served at <c>[base]/metadata</c> (http.html#capabilities). It states only what is
/// implemented; the integration tests exercise every interaction it claims.
/// </summary>
public sealed class CapabilityStatementBuilder(ResourceTypeRegistry types, SearchParameterCatalog catalog, IOptions<FhirOptions> options)
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
    ];

    public CapabilityStatement Build(string baseUrl)
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
        };

        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "Conditional create, update and delete accept _id and the token search parameters listed per "
                + "resource as criteria. History pages newest first; follow the 'next' link to page.",
            Interaction = [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.HistorySystem }],
        };

        foreach (var type in types.All)
        {
            rest.Resource.Add(ResourceComponent(type));
        }

        statement.Rest.Add(rest);
        return statement;
    }

    private CapabilityStatement.ResourceComponent ResourceComponent(string type)
    {
        var tokenParameters = catalog.ForType(type).Where(p => p.Type == SearchParamType.Token).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        return new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = $"http://hl7.org/fhir/StructureDefinition/{type}",
            Interaction = [.. InstanceAndTypeInteractions.Select(code => new CapabilityStatement.ResourceInteractionComponent { Code = code })],
            Versioning = CapabilityStatement.ResourceVersionPolicy.VersionedUpdate,
            ReadHistory = true,
            UpdateCreate = options.Value.AllowUpdateCreate,
            ConditionalCreate = true,
            ConditionalUpdate = true,
            ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.Single,
            ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
            Documentation = tokenParameters.Count == 0
                ? "Conditional criteria: _id."
                : "Conditional criteria: _id, " + string.Join(", ", tokenParameters) + ".",
        };
    }
}
