using System.Data.Common;
using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using FhirOncology.Storage.Search;

namespace FhirOncology.Storage.Resources;

/// <summary>
/// The access-control rows (migration 0004): direct grants, case membership and case access. Inserts are
/// "insert if absent" in portable SQL; writers are serialised, so no two transactions race on one row.
/// </summary>
internal static class AccessSql
{
    private const string Grant =
        "INSERT INTO ResourceAccess (ResourceType, ResourceId, OrganizationId) SELECT @Type, @Id, @OrganizationId "
        + "WHERE NOT EXISTS (SELECT 1 FROM ResourceAccess WHERE ResourceType = @Type AND ResourceId = @Id AND OrganizationId = @OrganizationId)";

    private const string ClearMembership = "DELETE FROM CaseMember WHERE ResourceType = @Type AND ResourceId = @Id";

    private const string AddMembership =
        "INSERT INTO CaseMember (ResourceType, ResourceId, PatientId) VALUES (@Type, @Id, @PatientId)";

    private const string OpenCase =
        "INSERT INTO CaseAccess (PatientId, OrganizationId) SELECT @PatientId, @OrganizationId "
        + "WHERE NOT EXISTS (SELECT 1 FROM CaseAccess WHERE PatientId = @PatientId AND OrganizationId = @OrganizationId)";

    /// <summary>Whether the current version of the resource (deleted or not) satisfies every clause.</summary>
    public static async Task<bool> MatchesAsync(
        DbConnection connection, DbTransaction? transaction, ResourceKey key, IReadOnlyList<SearchClause> clauses, string lockHint, CancellationToken ct)
    {
        var builder = new SearchSqlBuilder(lockHint);
        var sql = $"SELECT COUNT(*) FROM Resource r{lockHint} WHERE r.ResourceType = {builder.Add(key.Type)} AND r.ResourceId = {builder.Add(key.Id)} "
            + "AND r.IsHistory = 0" + builder.Conditions("r", [key.Type], clauses, probeOnly: true);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, builder.Parameters, transaction, cancellationToken: ct)) > 0;
    }

    public static async Task<IReadOnlyList<string>> ReadCasePatientsAsync(
        DbConnection connection, DbTransaction transaction, ResourceKey key, CancellationToken ct) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT PatientId FROM CaseMember WHERE ResourceType = @Type AND ResourceId = @Id", new { key.Type, key.Id }, transaction, cancellationToken: ct))];

    public static async Task GrantAsync(
        DbConnection connection, DbTransaction transaction, ResourceKey key, IEnumerable<string> organizationIds, CancellationToken ct)
    {
        foreach (var organizationId in organizationIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Grant, new { key.Type, key.Id, OrganizationId = organizationId }, transaction, cancellationToken: ct));
        }
    }

    public static async Task SetCaseMembershipAsync(
        DbConnection connection, DbTransaction transaction, ResourceKey key, IEnumerable<string> patientIds, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(ClearMembership, new { key.Type, key.Id }, transaction, cancellationToken: ct));
        foreach (var patientId in patientIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                AddMembership, new { key.Type, key.Id, PatientId = patientId }, transaction, cancellationToken: ct));
        }
    }

    public static async Task OpenCaseAsync(
        DbConnection connection, DbTransaction transaction, string patientId, IEnumerable<string> organizationIds, CancellationToken ct)
    {
        foreach (var organizationId in organizationIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                OpenCase, new { PatientId = patientId, OrganizationId = organizationId }, transaction, cancellationToken: ct));
        }
    }
}
