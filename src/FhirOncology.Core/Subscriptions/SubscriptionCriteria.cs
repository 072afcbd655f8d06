using FhirOncology.Core.Errors;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Search;

namespace FhirOncology.Core.Subscriptions;

/// <summary>A Subscription's criteria parsed once: the resource type and its search clauses (none: every resource of the type).</summary>
public sealed record ParsedCriteria(string Type, IReadOnlyList<SearchClause> Clauses);

/// <summary>
/// Subscription.criteria (R4): "search criteria (without the [base] part). Like Bundle.entry.request.url, it has no
/// leading '/'" — e.g. <c>Task?status=completed&amp;owner=Organization/org-r</c>. Parsed strictly, like the criteria
/// of conditional operations: a parameter this server ignored would widen what is sent out.
/// </summary>
public sealed class SubscriptionCriteria(SearchQueryParser parser, ResourceTypeRegistry types)
{
    private const string Expression = "Subscription.criteria";

    public ParsedCriteria Parse(string? criteria)
    {
        if (string.IsNullOrWhiteSpace(criteria) || criteria.StartsWith('/'))
        {
            throw FhirException.BadRequest("Subscription.criteria must be a search such as 'Task?status=completed' (no base URL, no leading '/').", Expression);
        }

        var question = criteria.IndexOf('?', StringComparison.Ordinal);
        var type = question < 0 ? criteria : criteria[..question];
        if (!types.IsSupported(type))
        {
            throw FhirException.BadRequest($"Subscription.criteria names '{type}', which is not a resource type this server serves.", Expression);
        }

        if (type == "Subscription")
        {
            // The server writes Subscriptions itself (status, error): notifying about them could feed on itself.
            throw FhirException.BadRequest("Subscriptions on Subscription resources are not supported.", Expression);
        }

        IReadOnlyList<SearchClause> clauses;
        try
        {
            var pairs = question < 0 ? [] : QueryString.Split(criteria[(question + 1)..]).ToList();
            clauses = pairs.Count == 0 ? [] : parser.ParseCriteria(type, pairs);
        }
        catch (FhirException ex) when (ex.Status == System.Net.HttpStatusCode.BadRequest)
        {
            throw FhirException.BadRequest($"Subscription.criteria cannot be evaluated: {ex.Message}", Expression);
        }

        // A chain or _has looks into other resources, which matching does not narrow to what the owners may see
        // (only the notified resource is): refused rather than left to reveal them one match at a time.
        if (clauses.Any(clause => clause is ChainClause or HasClause))
        {
            throw FhirException.BadRequest("Subscription.criteria cannot use chained parameters or _has; use parameters of the type itself.", Expression);
        }

        return new ParsedCriteria(type, clauses);
    }

    /// <summary>The criteria narrowed to one resource: does this resource match?</summary>
    public IReadOnlyList<SearchClause> ForResource(ParsedCriteria criteria, string id) =>
        [.. criteria.Clauses, .. parser.ParseCriteria(criteria.Type, [new(ParameterClause.IdCode, id)])];
}
