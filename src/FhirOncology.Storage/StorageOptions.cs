using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Storage;

public enum StorageProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Section <c>Storage</c>: which database, and where (issue #2).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Required for SQL Server; for SQLite, when empty, a file named
    /// <c>fhironcology.db</c> under <see cref="DataDirectory"/> is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite database lives (created when missing).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
