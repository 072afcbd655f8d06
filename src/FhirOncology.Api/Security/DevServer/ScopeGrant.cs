using FhirOncology.Core.Security;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Which of the requested scopes a client is granted (RFC 6749 §3.3: the server may grant fewer and says which in
/// the response): each requested clinical scope of the flow's contexts that one of the client's allowed scopes
/// covers. Anything else — other contexts, unknown or malformed scopes, <c>openid</c> and <c>fhirUser</c> (this server
/// issues no id_token; the access token always carries the user's fhirUser) — is left out.
/// </summary>
internal static class ScopeGrant
{
    private static readonly ScopeContext[] SystemContexts = [ScopeContext.System];
    private static readonly ScopeContext[] UserContexts = [ScopeContext.User, ScopeContext.Patient];

    /// <summary>SMART backend-services.html: a system client gets system/ scopes.</summary>
    public static IReadOnlyList<string> ForSystem(string requested, IEnumerable<string> allowed) => Grant(requested, allowed, SystemContexts);

    /// <summary>scopes-and-launch-context.html: a user's app gets user/ and patient/ scopes.</summary>
    public static IReadOnlyList<string> ForUser(string requested, IEnumerable<string> allowed) => Grant(requested, allowed, UserContexts);

    private static List<string> Grant(string requested, IEnumerable<string> allowed, ScopeContext[] contexts)
    {
        var allowedScopes = allowed.Select(SmartScope.TryParse).OfType<SmartScope>().Where(scope => contexts.Contains(scope.Context)).ToList();
        return
        [
            .. requested.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal)
                .Where(text => SmartScope.TryParse(text) is { } scope && contexts.Contains(scope.Context)
                    && allowedScopes.Any(candidate => Covers(candidate, scope))),
        ];
    }

    /// <summary>
    /// Whether <paramref name="allowed"/> grants at least what <paramref name="requested"/> asks: same context, same
    /// type or <c>*</c> (which, as in <see cref="AccessPolicy"/>, never stands for AuditEvent), a subset of its
    /// permissions, and its query constraint if it has one.
    /// </summary>
    private static bool Covers(SmartScope allowed, SmartScope requested) =>
        allowed.Context == requested.Context
        && (allowed.ResourceType == requested.ResourceType
            || (allowed.ResourceType == SmartScope.AnyType && requested.ResourceType != AccessPolicy.AuditType))
        && (requested.Permissions & ~allowed.Permissions) == Permissions.None
        && (allowed.Query is null || string.Equals(allowed.Query, requested.Query, StringComparison.Ordinal));
}
