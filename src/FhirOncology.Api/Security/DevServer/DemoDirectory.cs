using Hl7.Fhir.Model;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// The directory entries the demo registrations of appsettings.Development.json point at: the Organizations the
/// demo clients act for, and the reviewer user's Practitioner and PractitionerRole (whose organization is how a
/// user token maps to an organisation). Fixed ids; tagged so they are recognisable as demo data.
/// </summary>
internal static class DemoDirectory
{
    public const string ReviewCenter = "org-review-center";
    public const string ReviewerPractitioner = "demo-reviewer-practitioner";
    public const string ReviewerRole = "demo-reviewer";

    private static readonly Coding DemoTag = new("urn:fhironcology:tag", "dev-server-demo", "Demo data of the development authorization server");

    /// <summary>In dependency order: a PractitionerRole's references must resolve when it is validated.</summary>
    public static IReadOnlyList<Resource> Resources() =>
    [
        Organization("org-north-hospital", "North Hospital (demo referring organisation)"),
        Organization("org-south-clinic", "South Clinic (demo referring organisation)"),
        Organization(ReviewCenter, "Review Center (demo reviewing organisation)"),
        new Practitioner
        {
            Id = ReviewerPractitioner,
            Meta = new Meta { Tag = [DemoTag] },
            Text = Narrative("Dr. Demo Reviewer (demo practitioner)"),
            Identifier = [new Identifier("urn:fhironcology:demo-practitioner", ReviewerPractitioner)],
            Active = true,
            Name = [new HumanName { Family = "Reviewer", Given = ["Demo"], Prefix = ["Dr."] }],
        },
        new PractitionerRole
        {
            Id = ReviewerRole,
            Meta = new Meta { Tag = [DemoTag] },
            Text = Narrative("Dr. Demo Reviewer, reviewer at the Review Center (demo)"),
            Active = true,
            Practitioner = new ResourceReference("Practitioner/" + ReviewerPractitioner),
            Organization = new ResourceReference("Organization/" + ReviewCenter),
            Code = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/practitioner-role", "doctor", "Doctor")],
        },
    ];

    private static Organization Organization(string id, string name) => new()
    {
        Id = id,
        Meta = new Meta { Tag = [DemoTag] },
        Text = Narrative(name),
        Identifier = [new Identifier("urn:fhironcology:demo-organization", id)],
        Active = true,
        Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")],
        Name = name,
    };

    // narrative.html: generated text, so the resources pass dom-6 without a warning.
    private static Narrative Narrative(string text) => new()
    {
        Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated,
        Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{System.Net.WebUtility.HtmlEncode(text)}</div>",
    };
}
