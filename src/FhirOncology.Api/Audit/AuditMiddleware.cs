using FhirOncology.Api.Endpoints;

namespace FhirOncology.Api.Audit;

/// <summary>
/// Records every request under <c>[base]</c> — refused ones (401, 403, 404, …) included; <c>/health</c> is not under
/// it (issue #5). Outermost in the pipeline, so it sees the status the client got, even when authentication refused
/// the request or a handler failed. When the response is done it captures the audit facts and queues them; the
/// AuditEvent is built and stored in the background. The request waits only when the queue is full.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditQueue queue, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(FhirBase.Path))
        {
            await next(context);
            return;
        }

        var route = AuditRoute.Capture(context);
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true; // escaped every handler: the client gets a 500
            throw;
        }
        finally
        {
            await queue.EnqueueAsync(AuditRecordBuilder.Build(context, route, failed, clock.GetUtcNow()), CancellationToken.None);
        }
    }
}
