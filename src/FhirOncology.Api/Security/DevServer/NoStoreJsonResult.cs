namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// JSON that must not be cached: RFC 6749 §5.1 requires <c>Cache-Control: no-store</c> and <c>Pragma: no-cache</c> on
/// every response carrying tokens, codes or credentials-related errors.
/// </summary>
internal sealed class NoStoreJsonResult(object body, int status = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.Pragma = "no-cache";
        return Results.Json(body, statusCode: status).ExecuteAsync(httpContext);
    }
}
