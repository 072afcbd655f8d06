namespace FhirOncology.Core.Search;

/// <summary>Comparison prefixes for ordered parameter types (search.html#prefix).</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}
