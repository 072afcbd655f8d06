using System.Text;
using FhirOncology.Core.Search;
using Hl7.Fhir.Model;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Storage;
using FhirOncology.Storage;
using FhirOncology.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Storage;

/// <summary>
/// The storage contract, run against every database: SQLite always, SQL Server when FHIRONCOLOGY_TEST_SQLSERVER
/// holds a connection string (skipped, with that reason in the test output, otherwise). Each test owns its data
/// through fresh ids.
/// </summary>
public abstract partial class ResourceStoreContract : IAsyncLifetime
{
    private ServiceProvider? _provider;
    private IResourceStore? _store;

    /// <summary>Storage settings, or null when this database is not available here (the tests then skip).</summary>
    protected abstract IReadOnlyDictionary<string, string?>? StorageSettings { get; }

    protected abstract string SkipReason { get; }

    protected IResourceStore Store
    {
        get
        {
            Assert.SkipWhen(_store is null, SkipReason);
            return _store!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (StorageSettings is not { } settings)
        {
            return;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddFhirStorage()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await _provider.GetRequiredService<SchemaMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        _store = _provider.GetRequiredService<IResourceStore>();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ResourceKey NewKey(string type = "Patient") => new(type, Guid.NewGuid().ToString("N"));

    private static NewVersion Version(ResourceKey key, int number, WriteMethod method, params TokenIndexEntry[] tokens) => new(
        key, number, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), method,
        method == WriteMethod.Delete ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes($"{{\"resourceType\":\"{key.Type}\",\"id\":\"{key.Id}\",\"v\":{number}}}"),
        Tokens(tokens));

    private static SearchIndexEntries Tokens(TokenIndexEntry[] tokens)
    {
        var entries = new SearchIndexEntries();
        entries.Tokens.UnionWith(tokens);
        return entries;
    }

    private static ParameterClause Criterion(string code, params TokenValue[] values) =>
        new(code, SearchParamType.Token, SearchModifier.None, [.. values.Select(v => new TokenSearchValue(v))]);

    private async Task SaveAsync(params NewVersion[] versions)
    {
        foreach (var version in versions)
        {
            await using var transaction = await Store.BeginWriteAsync(Ct);
            await transaction.SaveAsync(version, Ct);
            await transaction.CommitAsync(Ct);
        }
    }

    private async Task<IReadOnlyList<string>> FindAsync(string type, params SearchClause[] criteria)
    {
        await using var transaction = await Store.BeginWriteAsync(Ct);
        return await transaction.FindCurrentIdsAsync(type, criteria, 10, Ct);
    }

    [Fact]
    public async Task Save_ThenReadCurrent_ReturnsTheSameVersion()
    {
        var key = NewKey();
        var version = Version(key, 1, WriteMethod.Create);
        await SaveAsync(version);

        var read = await Store.ReadCurrentAsync(key, Ct);

        Assert.NotNull(read);
        Assert.Equal(key, read.Key);
        Assert.Equal(1, read.VersionId);
        Assert.Equal(WriteMethod.Create, read.Method);
        Assert.Equal(version.LastUpdated, read.LastUpdated);
        Assert.Equal(version.Json.ToArray(), read.Json.ToArray());
    }

    [Fact]
    public async Task Save_NewVersions_CurrentIsLatestAndEveryVersionStaysReadable()
    {
        var key = NewKey();
        await SaveAsync(Version(key, 1, WriteMethod.Create), Version(key, 2, WriteMethod.Update), Version(key, 3, WriteMethod.Delete));

        var current = await Store.ReadCurrentAsync(key, Ct);
        Assert.Equal(3, current!.VersionId);
        Assert.True(current.IsDeleted);
        Assert.True(current.Json.IsEmpty);
        Assert.Equal(WriteMethod.Update, (await Store.ReadVersionAsync(key, 2, Ct))!.Method);
        Assert.Null(await Store.ReadVersionAsync(key, 4, Ct));
        Assert.Null(await Store.ReadCurrentAsync(NewKey(), Ct));
    }

    [Fact]
    public async Task WriteTransaction_NotCommitted_LeavesNothingBehind()
    {
        var key = NewKey();
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            await transaction.SaveAsync(Version(key, 1, WriteMethod.Create, new TokenIndexEntry("identifier", "urn:s", key.Id)), Ct);
        }

        Assert.Null(await Store.ReadCurrentAsync(key, Ct));
        Assert.Empty(await FindAsync("Patient", Criterion("identifier", new TokenValue(null, key.Id))));
    }

    [Fact]
    public async Task FindCurrentIds_TokenForms_MatchPerSearchSpec()
    {
        var key = NewKey();
        var code = "code-" + key.Id;
        await SaveAsync(Version(key, 1, WriteMethod.Create, new TokenIndexEntry("identifier", "urn:sys", code), new TokenIndexEntry("gender", null, "female")));

        Assert.Equal([key.Id], await FindAsync("Patient", Criterion("identifier", new TokenValue("urn:sys", code))));
        Assert.Equal([key.Id], await FindAsync("Patient", Criterion("identifier", new TokenValue(null, code))));
        Assert.Empty(await FindAsync("Patient", Criterion("identifier", new TokenValue("", code)))); // |code: no system
        Assert.Empty(await FindAsync("Patient", Criterion("identifier", new TokenValue("urn:other", code))));
        Assert.Equal([key.Id], await FindAsync("Patient",
            Criterion("identifier", new TokenValue("urn:other", "x"), new TokenValue("urn:sys", code)), // OR
            Criterion("gender", new TokenValue("", "female")), // AND, systemless
            Criterion("_id", new TokenValue(null, key.Id))));
        Assert.Empty(await FindAsync("Patient",
            Criterion("identifier", new TokenValue(null, code)), Criterion("gender", new TokenValue(null, "male"))));
        Assert.Empty(await FindAsync("Observation", Criterion("identifier", new TokenValue(null, code))));
    }

    [Fact]
    public async Task FindCurrentIds_IgnoresSupersededIndexRowsAndDeletedResources()
    {
        var key = NewKey();
        var (oldCode, newCode) = ("old-" + key.Id, "new-" + key.Id);
        await SaveAsync(Version(key, 1, WriteMethod.Create, new TokenIndexEntry("identifier", null, oldCode)),
            Version(key, 2, WriteMethod.Update, new TokenIndexEntry("identifier", null, newCode)));

        Assert.Empty(await FindAsync("Patient", Criterion("identifier", new TokenValue(null, oldCode))));
        Assert.Equal([key.Id], await FindAsync("Patient", Criterion("identifier", new TokenValue(null, newCode))));

        await SaveAsync(Version(key, 3, WriteMethod.Delete));
        Assert.Empty(await FindAsync("Patient", Criterion("identifier", new TokenValue(null, newCode))));
        Assert.Empty(await FindAsync("Patient", Criterion("_id", new TokenValue(null, key.Id))));
    }

    [Fact]
    public async Task ConcurrentCheckThenInsert_ProducesOneResource()
    {
        // The store's half of race-free conditional create: find-then-save in a write transaction is serialised.
        var value = "race-" + Guid.NewGuid().ToString("N");
        var criterion = Criterion("identifier", new TokenValue(null, value));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var transaction = await Store.BeginWriteAsync(Ct);
            if ((await transaction.FindCurrentIdsAsync("Patient", [criterion], 2, Ct)).Count == 0)
            {
                await transaction.SaveAsync(Version(NewKey(), 1, WriteMethod.Create, new TokenIndexEntry("identifier", null, value)), Ct);
            }

            await transaction.CommitAsync(Ct);
        }, Ct)));

        Assert.Single(await FindAsync("Patient", criterion));
    }

    private static Dictionary<string, IReadOnlyList<SearchClause>> Unrestricted(params string[] types) =>
        types.ToDictionary(type => type, _ => (IReadOnlyList<SearchClause>)[], StringComparer.Ordinal);

    [Fact]
    public async Task ReadHistory_InstancePagesNewestFirstWithCursor()
    {
        var key = NewKey();
        await SaveAsync(Enumerable.Range(1, 5).Select(n => Version(key, n, n == 1 ? WriteMethod.Create : WriteMethod.Update)).ToArray());

        var first = await Store.ReadHistoryAsync(new HistoryQuery(key.Type, key.Id, null, null, 2, Unrestricted(key.Type)), Ct);
        var second = await Store.ReadHistoryAsync(new HistoryQuery(key.Type, key.Id, null, first.NextCursor, 2, Unrestricted(key.Type)), Ct);
        var third = await Store.ReadHistoryAsync(new HistoryQuery(key.Type, key.Id, null, second.NextCursor, 2, Unrestricted(key.Type)), Ct);

        Assert.Equal([5, 4], first.Versions.Select(v => v.VersionId));
        Assert.Equal([3, 2], second.Versions.Select(v => v.VersionId));
        Assert.Equal([1], third.Versions.Select(v => v.VersionId));
        Assert.Null(third.NextCursor);
    }

    [Fact]
    public async Task ReadHistory_TypeAndSystemLevel_SeeNewWrites()
    {
        var key = NewKey("Observation");
        await SaveAsync(Version(key, 1, WriteMethod.Create));

        var typePage = await Store.ReadHistoryAsync(new HistoryQuery("Observation", null, null, null, 1, Unrestricted("Observation")), Ct);
        var systemPage = await Store.ReadHistoryAsync(new HistoryQuery(null, null, DateTimeOffset.UtcNow.AddMinutes(-1), null, 1000, Unrestricted("Observation", "Patient")), Ct);

        Assert.Equal(key, Assert.Single(typePage.Versions).Key);
        Assert.Contains(systemPage.Versions, v => v.Key == key);
        Assert.Empty((await Store.ReadHistoryAsync(new HistoryQuery(null, null, DateTimeOffset.UtcNow.AddMinutes(1), null, 10, Unrestricted("Observation", "Patient")), Ct)).Versions);
    }

    [Fact]
    public async Task Schema_MigratingAgain_IsANoOpAndStoreIsReady()
    {
        _ = Store;
        await _provider!.GetRequiredService<SchemaMigrator>().MigrateAsync(Ct);
        Assert.True(await Store.IsReadyAsync(Ct));
    }
}
