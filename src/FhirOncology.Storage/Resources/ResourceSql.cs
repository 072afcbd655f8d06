namespace FhirOncology.Storage.Resources;

/// <summary>SQL shared by every dialect. Values are always parameters; only constant fragments are composed.</summary>
internal static class ResourceSql
{
    public const string Columns =
        "ResourceSurrogateId, ResourceType, ResourceId, Version, RequestMethod, LastUpdated, RawResource";

    public const string CurrentFilter = "ResourceType = @Type AND ResourceId = @Id AND IsHistory = 0";

    public const string ReadVersion =
        $"SELECT {Columns} FROM Resource WHERE ResourceType = @Type AND ResourceId = @Id AND Version = @Version";

    public const string MaxSurrogate = "SELECT COALESCE(MAX(ResourceSurrogateId), 0) FROM Resource";

    public static readonly string[] IndexTables =
    [
        "TokenSearchParam", "StringSearchParam", "DateSearchParam", "ReferenceSearchParam", "QuantitySearchParam",
        "NumberSearchParam", "UriSearchParam", "CompositeSearchParam",
    ];

    /// <summary>Drops the current version's index rows and marks it historical: only current versions are indexed.</summary>
    public static readonly string Supersede = string.Concat(IndexTables.Select(table =>
            $"DELETE FROM {table} WHERE ResourceSurrogateId IN (SELECT ResourceSurrogateId FROM Resource WHERE {CurrentFilter});\n"))
        + $"UPDATE Resource SET IsHistory = 1 WHERE {CurrentFilter};";

    public const string Insert =
        "INSERT INTO Resource (ResourceSurrogateId, ResourceType, ResourceId, Version, IsHistory, IsDeleted, RequestMethod, LastUpdated, RawResource) "
        + "VALUES (@ResourceSurrogateId, @ResourceType, @ResourceId, @Version, 0, @IsDeleted, @RequestMethod, @LastUpdated, @RawResource)";
}
