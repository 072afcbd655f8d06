using FhirOncology.Core.Security;

namespace FhirOncology.Api.Security;

/// <summary>
/// After authentication: establishes the request's <see cref="Caller"/> for the FHIR engine. Requests without a
/// valid token never get one, so anything that needs a caller fails closed.
/// </summary>
internal sealed class CallerMiddleware(RequestDelegate next)
{
    public const string ItemKey = "fhironcology.caller";

    public async Task InvokeAsync(HttpContext context, CallerFactory callers)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var caller = await callers.CreateAsync(context.User, context.RequestAborted);
        context.Items[ItemKey] = caller; // for the audit record
        using (CallerContext.Use(caller))
        {
            await next(context);
        }
    }
}
