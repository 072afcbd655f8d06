using Hl7.Fhir.Model;

namespace FhirOncology.Core.Search;

/// <summary>What a clause's modifier asks for (search.html#modifiers).</summary>
public enum SearchModifier
{
    None,
    Exact,
    Contains,
    Not,
    Missing,
    Below,
    Above,
    TypeFilter, // reference :Type
}

/// <summary>
/// One search condition; clauses are ANDed, a clause's values ORed (search.html#combining). A clause is a leaf on
/// one of the type's parameters, a chain through a reference into another resource (search.html#chaining), or a
/// reverse chain (<c>_has</c>). <c>_id</c> and <c>_lastUpdated</c> have their own parameter types here.
/// </summary>
public abstract record SearchClause;

/// <summary>A condition on one parameter of the resource being searched.</summary>
public sealed record ParameterClause(
    string Code, SearchParamType Type, SearchModifier Modifier, IReadOnlyList<SearchValue> Values, string? TargetType = null,
    bool? Missing = null) : SearchClause
{
    public const string IdCode = "_id";
    public const string LastUpdatedCode = "_lastUpdated";
}

/// <summary><c>ref:Type.inner=…</c>: some resource the reference parameter points at (of the target types) satisfies the inner clause.</summary>
public sealed record ChainClause(string ReferenceCode, IReadOnlyList<string> TargetTypes, SearchClause Inner) : SearchClause;

/// <summary><c>_has:Type:ref:inner=…</c>: some resource of the type, pointing here through the reference parameter, satisfies the inner clause.</summary>
public sealed record HasClause(string SourceType, string ReferenceCode, SearchClause Inner) : SearchClause;
