using FhirOncology.Core.Search;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Referrals;

/// <summary>
/// Searches and reads inside a write's database transaction, for the referral rules: they see the writes made
/// before them in the same transaction, and they are the server's own look-ups (the access rules were applied to
/// the write that led here, not to what the rules need to read).
/// </summary>
internal sealed class CaseRecords(SearchQueryParser parser, FhirSerializer serializer)
{
    public Task<IReadOnlyList<string>> FindAsync(
        IStoreWriteTransaction transaction, string type, IReadOnlyList<(string Name, string Value)> criteria, int limit, CancellationToken ct) =>
        transaction.FindCurrentIdsAsync(type, parser.ParseCriteria(type, criteria.Select(c => KeyValuePair.Create(c.Name, c.Value))), limit, ct);

    public async Task<bool> ExistsAsync(
        IStoreWriteTransaction transaction, string type, IReadOnlyList<(string Name, string Value)> criteria, CancellationToken ct) =>
        (await FindAsync(transaction, type, criteria, 1, ct)).Count > 0;

    /// <summary>The current version, or null when the resource is unknown or deleted.</summary>
    public async Task<T?> ReadAsync<T>(IStoreWriteTransaction transaction, ResourceKey key, CancellationToken ct) where T : Resource =>
        Parse<T>(await transaction.ReadCurrentAsync(key, ct));

    public async Task<T?> ReadVersionAsync<T>(IStoreWriteTransaction transaction, ResourceKey key, int versionId, CancellationToken ct) where T : Resource =>
        Parse<T>(await transaction.ReadVersionAsync(key, versionId, ct));

    /// <summary>search.html#escaping: a value with ',', '|', '$' or '\' in it, as one literal search value.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);

    private T? Parse<T>(ResourceVersion? version) where T : Resource =>
        version is null || version.IsDeleted ? null : serializer.Parse(version.Json.Span, FhirFormat.Json) as T;
}
