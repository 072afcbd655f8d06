using System.Net;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Security;

/// <summary>
/// The caller of the operation in progress, flowing with the async call (like HttpContext, without ASP.NET). The
/// Api sets it for each authenticated request; background work runs as <see cref="Caller.Internal"/>. Reading it
/// when nobody set it is an error, so code that forgot to establish a caller fails closed instead of open.
/// </summary>
public sealed class CallerContext
{
    private static readonly AsyncLocal<Caller?> CurrentCaller = new();

    public Caller Current => CurrentCaller.Value
        ?? throw new FhirException(HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login, "The request is not authenticated.");

    public bool HasCaller => CurrentCaller.Value is not null;

    /// <summary>Runs what follows as <paramref name="caller"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(Caller caller)
    {
        var previous = CurrentCaller.Value;
        CurrentCaller.Value = caller;
        return new Restore(previous);
    }

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose() => CurrentCaller.Value = previous;
    }
}
