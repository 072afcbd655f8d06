using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Demo;

/// <summary>
/// The demo organisations the referrals point at, with the same ids and content as the development authorization
/// server's directory seeding, so whichever runs first creates them and the other leaves them be.
/// </summary>
public static class DemoOrganizations
{
    private static readonly Coding DemoTag = new("urn:fhironcology:tag", "dev-server-demo", "Demo data of the development authorization server");

    public static IReadOnlyList<Organization> All() =>
    [
        Organization(DemoReferral.NorthHospital, "North Hospital (demo referring organisation)"),
        Organization(DemoReferral.SouthClinic, "South Clinic (demo referring organisation)"),
        Organization(DemoReferral.ReviewCenter, "Review Center (demo reviewing organisation)"),
    ];

    private static Organization Organization(string id, string name) => new()
    {
        Id = id,
        Meta = new Meta { Tag = [DemoTag] },
        Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{System.Net.WebUtility.HtmlEncode(name)}</div>",
        },
        Identifier = [new Identifier("urn:fhironcology:demo-organization", id)],
        Active = true,
        Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")],
        Name = name,
    };
}
