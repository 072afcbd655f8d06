using System.Net;
using System.Net.Http.Headers;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Binary as raw content in and out with its own content type, or as a Binary resource (binary.html#rest).</summary>
public sealed class BinaryTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF, 0x10];
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpResponseMessage> PostRawAsync(string? securityContext = null)
    {
        var content = new ByteArrayContent(Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Binary") { Content = content };
        if (securityContext is not null)
        {
            request.Headers.Add("X-Security-Context", securityContext);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Binary_RawPostThenRawRead_ReturnsSameBytesAndContentType()
    {
        var created = await PostRawAsync("DocumentReference/doc-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = await _client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("W/\"1\"", read.ETag());
        Assert.Equal("DocumentReference/doc-1", read.Headers.GetValues("X-Security-Context").Single());
    }

    [Fact]
    public async Task Binary_ReadWithFhirAccept_ReturnsBinaryResource()
    {
        var created = await (await PostRawAsync()).ReadAsync<Binary>();
        var request = FhirHttp.Request(HttpMethod.Get, $"/fhir/Binary/{created.Id}");
        request.Headers.Accept.Add(FhirHttp.Accept(FhirHttp.JsonType));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var binary = await response.ReadAsync<Binary>();
        Assert.Equal("application/pdf", binary.ContentType);
        Assert.Equal(Pdf, binary.Data);
    }

    [Fact]
    public async Task Binary_PostedAsResource_ReadsBackRaw()
    {
        var resource = new Binary { ContentType = "text/plain", Data = "hello"u8.ToArray() };
        var created = await _client.PostAsync("/fhir/Binary", FhirHttp.Json(resource));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = await _client.GetAsync(created.Headers.Location!.AbsolutePath.Replace("/_history/1", "", StringComparison.Ordinal));
        Assert.Equal("text/plain", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello", await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Binary_RawPut_UpdatesContent()
    {
        var created = await (await PostRawAsync()).ReadAsync<Binary>();
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var update = await _client.PutAsync($"/fhir/Binary/{created.Id}", content);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var read = await _client.GetAsync($"/fhir/Binary/{created.Id}");
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal([1, 2, 3], await read.Content.ReadAsByteArrayAsync());
    }
}
