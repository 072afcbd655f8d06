using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Security;

/// <summary>
/// Decides what the current caller may do (issue #5): SMART scopes v1 and v2 per interaction
/// (scopes-and-launch-context.html), and organisation isolation — a caller sees a resource only when one of its
/// organisations owns it or works on the patient case it belongs to. Every path asks here: read, vread, history,
/// search (its includes, chains, _has and pages through <see cref="ClausesFor(string)"/>), conditional matching,
/// transaction and batch entries, operations. The internal caller (the server itself) is unrestricted.
/// </summary>
public sealed class AccessPolicy(CallerContext callers, SearchQueryParser parser)
{
    /// <summary>
    /// Read and search by any caller acting for a known organisation: the directory of organisations and people
    /// and the trial catalogue, which hold no patient data. Changing them still needs ownership.
    /// </summary>
    public static readonly FrozenSet<string> SharedTypes =
        FrozenSet.ToFrozenSet(["Organization", "Practitioner", "PractitionerRole", "ResearchStudy"], StringComparer.Ordinal);

    /// <summary>Only an explicit scope naming this type grants it; <c>*</c> does not (the audit trail, issue #5).</summary>
    public const string AuditType = "AuditEvent";

    private static readonly IReadOnlyList<SearchClause> Nothing = [new OrganizationAccessClause([])];

    private readonly ConcurrentDictionary<(string Type, string Query), IReadOnlyList<SearchClause>?> _scopeQueries = new();

    public Caller Caller => callers.Current;

    /// <summary>
    /// The clauses narrowing <paramref name="type"/> for the permission (empty: unrestricted), or 403 when no scope
    /// grants it, the caller acts for no known organisation, or the type is append-only.
    /// </summary>
    public IReadOnlyList<SearchClause> Require(string type, Permissions permission)
    {
        var caller = callers.Current;
        if (caller.IsInternal)
        {
            return [];
        }

        EnsureChangeable(type, permission);
        if (!caller.HasOrganization)
        {
            throw Forbidden("The access token is valid but maps to no known organisation; it may read the server's conformance resources only.");
        }

        return Grant(caller, type, permission)
            ?? throw Forbidden($"No granted scope allows {Describe(permission)} on {type} (scopes-and-launch-context.html).");
    }

    /// <summary>What a search may return of a type (matches and includes); nothing at all when the caller may not search it.</summary>
    public IReadOnlyList<SearchClause> ClausesFor(string resourceType) => ClausesFor(resourceType, Permissions.Search);

    private IReadOnlyList<SearchClause> ClausesFor(string type, Permissions permission)
    {
        var caller = callers.Current;
        if (caller.IsInternal)
        {
            return [];
        }

        return caller.HasOrganization ? Grant(caller, type, permission) ?? Nothing : Nothing;
    }

    /// <summary>http.html#read: a resource the caller may not see is reported as unknown, not as forbidden, so ids don't leak.</summary>
    public async Task EnsureReadableAsync(IResourceStore store, ResourceKey key, CancellationToken ct)
    {
        var clauses = Require(key.Type, Permissions.Read);
        if (clauses.Count > 0 && !await store.MatchesAsync(key, clauses, ct))
        {
            throw FhirException.NotFound(key.Type, key.Id);
        }
    }

    /// <summary>Whether the caller may see the resource at all (its organisations; scopes aside).</summary>
    public async Task<bool> IsVisibleAsync(IResourceStore store, ResourceKey key, CancellationToken ct)
    {
        var caller = callers.Current;
        if (caller.IsInternal)
        {
            return true;
        }

        var clauses = VisibilityClauses(key.Type, caller.OrganizationIds);
        return caller.HasOrganization && (clauses.Count == 0 || await store.MatchesAsync(key, clauses, ct));
    }

    /// <summary>Inside a write: 403 unless the caller may change this existing resource with the permission.</summary>
    public async Task EnsureChangeableAsync(IStoreWriteTransaction transaction, ResourceKey key, Permissions permission, CancellationToken ct)
    {
        if (!await CanChangeAsync(transaction, key, permission, ct))
        {
            throw Forbidden($"This client may not {Describe(permission)} {key.Type}/{key.Id}.");
        }
    }

    public async Task<bool> CanChangeAsync(IStoreWriteTransaction transaction, ResourceKey key, Permissions permission, CancellationToken ct)
    {
        var clauses = Require(key.Type, permission);
        return clauses.Count == 0 || await transaction.MatchesAsync(key, clauses, ct);
    }

    /// <summary>
    /// What a conditional operation's criteria may match (http.html#ccreate): only resources the caller can see,
    /// so a conditional create or update never reveals, nor touches, another organisation's data.
    /// </summary>
    public IReadOnlyList<SearchClause> MatchingClauses(string type)
    {
        var caller = callers.Current;
        return caller.IsInternal ? [] : VisibilityClauses(type, caller.OrganizationIds);
    }

    /// <summary>What these organisations see of a type, scopes aside: a shared type whole, any other only what they own or work on.</summary>
    public static IReadOnlyList<SearchClause> VisibilityClauses(string type, IReadOnlyList<string> organizationIds) =>
        SharedTypes.Contains(type) ? [] : [new OrganizationAccessClause(organizationIds)];

    /// <summary>After a create or update: a query-constrained scope must also match what was written.</summary>
    public async Task EnsureWrittenInScopeAsync(IStoreWriteTransaction transaction, ResourceKey key, Permissions permission, CancellationToken ct)
    {
        var clauses = Require(key.Type, permission);
        if (clauses.Count > 0 && !await transaction.MatchesAsync(key, clauses, ct))
        {
            throw Forbidden($"The {key.Type} written falls outside the scopes granted for {Describe(permission)}.");
        }
    }

    /// <summary>
    /// What history may return per type. Old versions are not indexed, so a query-constrained or patient scope
    /// cannot be checked against them: such a type is refused when asked for by name, and left out of system history.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> HistoryScope(IEnumerable<string> types, Permissions permission, bool named)
    {
        var scope = new Dictionary<string, IReadOnlyList<SearchClause>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var clauses = named ? Require(type, permission) : ClausesFor(type, permission);
            if (clauses.Any(clause => clause is AnyOfClause))
            {
                clauses = named
                    ? throw Forbidden($"History of {type} is not available under a query-constrained or patient scope; use search instead.")
                    : Nothing;
            }

            scope[type] = clauses;
        }

        return scope;
    }

    /// <summary>
    /// Server administration ($reindex, $verify-audit-chain): a system client registered as an administrator
    /// (Auth:AdministratorClients) and granted every permission on every type. Clinical scopes alone never suffice,
    /// so an EHR's system/*.cruds does not administer the server.
    /// </summary>
    public void RequireAdministrator()
    {
        var caller = callers.Current;
        if (caller.IsInternal)
        {
            return;
        }

        if (!caller.IsAdministrator || !caller.Scopes.Any(s => s is { Context: ScopeContext.System, ResourceType: SmartScope.AnyType, Permissions: Permissions.All, Query: null }))
        {
            throw Forbidden("This operation needs an administrator client (Auth:AdministratorClients) with the scope system/*.cruds (or system/*.*).");
        }
    }

    public static FhirException Forbidden(string message) =>
        new(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden, message);

    /// <summary>
    /// 405 when the API never allows the change on the type, whichever client asks: audit records are written by the server
    /// only, and Provenance is append-only (issue #5). Checked before anything is looked up, so even deleting an
    /// unknown AuditEvent is refused.
    /// </summary>
    public static void EnsureChangeable(string type, Permissions permission)
    {
        if (!AllowsThroughApi(type, permission))
        {
            throw new FhirException(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported, type == AuditType
                ? "AuditEvents are recorded by the server and are append-only; they cannot be written through the API."
                : "Provenance is append-only; it cannot be updated or deleted.");
        }
    }

    /// <summary>Whether the API can ever grant the permission on the type (the CapabilityStatement lists no more).</summary>
    public static bool AllowsThroughApi(string type, Permissions permission) => type switch
    {
        AuditType => (permission & (Permissions.Create | Permissions.Update | Permissions.Delete)) == 0,
        "Provenance" => (permission & (Permissions.Update | Permissions.Delete)) == 0,
        _ => true,
    };

    /// <summary>Null when no scope grants the permission; otherwise the narrowing clauses.</summary>
    private IReadOnlyList<SearchClause>? Grant(Caller caller, string type, Permissions permission)
    {
        var alternatives = new List<IReadOnlyList<SearchClause>>();
        var unconstrained = false;
        foreach (var scope in caller.Scopes)
        {
            if (!Applies(caller, scope, type, permission) || Alternative(caller, scope, type) is not { } alternative)
            {
                continue;
            }

            unconstrained |= alternative.Count == 0;
            alternatives.Add(alternative);
        }

        if (alternatives.Count == 0)
        {
            return null;
        }

        var clauses = new List<SearchClause>();
        var shared = SharedTypes.Contains(type) && (permission & (Permissions.Create | Permissions.Update | Permissions.Delete)) == 0;
        if (!shared)
        {
            clauses.Add(new OrganizationAccessClause(caller.OrganizationIds));
        }

        if (!unconstrained)
        {
            clauses.Add(new AnyOfClause(alternatives));
        }

        return clauses;
    }

    private static bool Applies(Caller caller, SmartScope scope, string type, Permissions permission) =>
        (scope.Permissions & permission) == permission
        && (scope.ResourceType == type || (scope.ResourceType == SmartScope.AnyType && type != AuditType))
        // System clients act through system/ scopes, users through user/ and patient/ ones.
        && (caller.IsUser ? scope.Context != ScopeContext.System : scope.Context == ScopeContext.System);

    /// <summary>The clauses one scope adds (empty: none), or null when it grants nothing here.</summary>
    private IReadOnlyList<SearchClause>? Alternative(Caller caller, SmartScope scope, string type)
    {
        var clauses = new List<SearchClause>();
        if (scope.Context == ScopeContext.Patient)
        {
            if (caller.PatientContext is null)
            {
                return null; // patient/ scopes need a patient in context (scopes-and-launch-context.html#launch-context)
            }

            clauses.Add(new PatientCaseClause(caller.PatientContext));
        }

        if (scope.Query is not null)
        {
            if (ParseScopeQuery(type, scope.Query) is not { } query)
            {
                return null; // a constraint this server cannot evaluate grants nothing (fail closed)
            }

            clauses.AddRange(query);
        }

        return clauses;
    }

    private IReadOnlyList<SearchClause>? ParseScopeQuery(string type, string query) =>
        _scopeQueries.GetOrAdd((type, query), key =>
        {
            try
            {
                return parser.ParseCriteria(key.Type, QueryString.Split(key.Query));
            }
            catch (FhirException)
            {
                return null;
            }
        });

    private static string Describe(Permissions permission) => permission switch
    {
        Permissions.Create => "create",
        Permissions.Read => "read",
        Permissions.Update => "update",
        Permissions.Delete => "delete",
        Permissions.Search => "search",
        _ => permission.ToString(),
    };
}
