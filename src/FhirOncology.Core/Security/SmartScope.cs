namespace FhirOncology.Core.Security;

/// <summary>
/// One SMART clinical scope (scopes-and-launch-context.html): <c>context/Type.permissions[?query]</c>, for example
/// <c>system/Task.write</c> (v1), <c>user/*.rs</c> or <c>user/Observation.rs?category=laboratory</c> (v2).
/// <see cref="ResourceType"/> is a type name or <c>*</c>; <see cref="Query"/> is the raw query of a
/// query-constrained v2 scope, or null.
/// </summary>
public sealed record SmartScope(ScopeContext Context, string ResourceType, Permissions Permissions, string? Query)
{
    public const string AnyType = "*";

    /// <summary>Parses a clinical scope; null for anything else (openid, fhirUser, launch, offline_access, …).</summary>
    public static SmartScope? TryParse(string scope)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        ScopeContext? context = scope[..slash] switch
        {
            "patient" => ScopeContext.Patient,
            "user" => ScopeContext.User,
            "system" => ScopeContext.System,
            _ => null,
        };
        var rest = scope[(slash + 1)..];
        string? query = null;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var dot = rest.LastIndexOf('.');
        if (context is null || dot <= 0 || !IsType(rest[..dot]))
        {
            return null;
        }

        var permissions = ParsePermissions(rest[(dot + 1)..]);
        if (permissions == Permissions.None || (query is not null && query.Length == 0))
        {
            return null;
        }

        return new SmartScope(context.Value, rest[..dot], permissions, query);
    }

    private static bool IsType(string type) =>
        type == AnyType || (type.Length > 0 && char.IsAsciiLetterUpper(type[0]) && type.All(char.IsAsciiLetter));

    private static Permissions ParsePermissions(string text)
    {
        switch (text)
        {
            case "read": return Permissions.Read | Permissions.Search;
            case "write": return Permissions.Create | Permissions.Update | Permissions.Delete;
            case "*": return Permissions.All;
        }

        // v2: letters from "cruds", each at most once and in that order (scopes-and-launch-context.html#scopes-for-requesting-fhir-resources).
        var result = Permissions.None;
        var position = 0;
        foreach (var letter in text)
        {
            var index = "cruds".IndexOf(letter, position);
            if (index < 0)
            {
                return Permissions.None;
            }

            result |= (Permissions)(1 << index);
            position = index + 1;
        }

        return result;
    }
}
