using System.Net;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// Binary content of a case (binary.html#security): a Binary whose securityContext is a case resource, or that a
/// case document's attachment points at, is readable by the organisations working on the case and by nobody else.
/// </summary>
public sealed class BinaryCaseTests(IsolationServer server) : IClassFixture<IsolationServer>
{
    [Fact]
    public async Task Binary_AttachedToACaseDocument_IsReadableByTheReviewer_NotByOthers()
    {
        var binary = await PostBinaryAsync(server.A, null);
        await IsolationServer.CreateAsync(server.A, new DocumentReference
        {
            Status = DocumentReferenceStatus.Current,
            Subject = new ResourceReference("Patient/" + server.PatientA),
            Content = [new DocumentReference.ContentComponent { Attachment = new Attachment { ContentType = "application/pdf", Url = "Binary/" + binary } }],
        });

        Assert.Equal(HttpStatusCode.OK, (await server.R.GetAsync("/fhir/Binary/" + binary)).StatusCode);
        await (await server.B.GetAsync("/fhir/Binary/" + binary + "?_format=json")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Binary_WithACaseResourceAsSecurityContext_FollowsThatResource()
    {
        var binary = await PostBinaryAsync(server.A, "Observation/" + server.ObservationA);

        Assert.Equal(HttpStatusCode.OK, (await server.R.GetAsync("/fhir/Binary/" + binary)).StatusCode);
        await (await server.B.GetAsync("/fhir/Binary/" + binary + "?_format=json")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> PostBinaryAsync(HttpClient client, string? securityContext)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 synthetic"));
        content.Headers.ContentType = new("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Binary") { Content = content };
        if (securityContext is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Security-Context", securityContext);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location!.Segments[^3].TrimEnd('/');
    }
}
