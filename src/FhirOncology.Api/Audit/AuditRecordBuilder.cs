using FhirOncology.Api.Endpoints;
using FhirOncology.Api.Security;
using FhirOncology.Core.Audit;
using FhirOncology.Core.Security;
using Microsoft.AspNetCore.Http.Features;

namespace FhirOncology.Api.Audit;

/// <summary>Reads the audit facts of a finished request off its HttpContext.</summary>
internal static class AuditRecordBuilder
{
    private const int MaxRequestIdLength = 200;

    public static AuditRecord Build(HttpContext context, AuditRoute route, bool failed, DateTimeOffset recorded)
    {
        var interaction = AuditFacts.Interaction(context) ?? route.Interaction;
        var queried = interaction is "search-type" or "search-system" || route.IsConditional;
        IReadOnlyList<KeyValuePair<string, string>> parameters = queried ? Parameters(context) : [];
        return new AuditRecord(
            recorded,
            context.Request.Method,
            interaction,
            failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
            context.Items[CallerMiddleware.ItemKey] as Caller,
            context.Connection.RemoteIpAddress?.ToString(),
            FhirBase.Url(context),
            RequestId(context),
            AuditFacts.Target(context) ?? route.Target,
            queried ? RawRequest(context) : null,
            queried ? AuditPatients.FromSearch(route.Type, parameters) : []);
    }

    /// <summary>The URL's parameters and, for POST _search, the form the handler read (never read here: the request may have been refused).</summary>
    private static List<KeyValuePair<string, string>> Parameters(HttpContext context)
    {
        var parameters = FhirBase.QueryPairs(context);
        if (ReadForm(context) is { } form)
        {
            parameters.AddRange(form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))));
        }

        return parameters;
    }

    /// <summary>BALP Query: the raw request — method, path and query, then the form body of a POST _search.</summary>
    private static string RawRequest(HttpContext context)
    {
        var request = context.Request;
        var line = $"{request.Method} {request.PathBase}{request.Path}{request.QueryString}";
        return ReadForm(context) is { Count: > 0 } form
            ? line + "\n\n" + QueryString.Create(form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))).ToUriComponent()[1..]
            : line;
    }

    private static IFormCollection? ReadForm(HttpContext context) => context.Features.Get<IFormFeature>()?.Form;

    private static string RequestId(HttpContext context)
    {
        var header = context.Request.Headers["X-Request-Id"].ToString().Trim();
        return header.Length is > 0 and <= MaxRequestIdLength ? header : context.TraceIdentifier;
    }
}
