using System.Collections.Concurrent;
using System.Text.Json;

namespace FhirOncology.Validation.Packages;

/// <summary>
/// Reads a package's <c>.index.json</c> (FHIR NPM package spec, "index-version": 1), so start-up never parses the
/// thousands of resources a package holds. Packages fetched with <c>npm pack</c> come without one: the index is then
/// built once, by reading only each file's top-level properties, and written next to the files for later runs.
/// </summary>
internal static class PackageIndex
{
    public const string FileName = ".index.json";

    public static IReadOnlyList<PackageIndexEntry> Load(string packageFolder)
    {
        var indexPath = Path.Combine(packageFolder, FileName);
        if (File.Exists(indexPath))
        {
            var entries = Read(File.ReadAllBytes(indexPath));
            if (entries is not null)
            {
                return entries;
            }
        }

        var built = Build(packageFolder);
        TryWrite(indexPath, built);
        return built;
    }

    private static List<PackageIndexEntry>? Read(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var entries = new List<PackageIndexEntry>(files.GetArrayLength());
        foreach (var file in files.EnumerateArray())
        {
            var fileName = Text(file, "filename");
            var resourceType = Text(file, "resourceType");
            if (fileName is null || resourceType is null)
            {
                continue;
            }

            entries.Add(new PackageIndexEntry(
                fileName, resourceType, Text(file, "id"), Text(file, "url"), Text(file, "version"), Text(file, "kind"), Text(file, "type")));
        }

        return entries;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<PackageIndexEntry> Build(string packageFolder)
    {
        var files = Directory.EnumerateFiles(packageFolder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(path => !Path.GetFileName(path).StartsWith('.')
                && !string.Equals(Path.GetFileName(path), "package.json", StringComparison.Ordinal))
            .ToList();
        var entries = new ConcurrentBag<PackageIndexEntry>();
        Parallel.ForEach(files, path =>
        {
            var entry = Summarise(Path.GetFileName(path), File.ReadAllBytes(path));
            if (entry is not null)
            {
                entries.Add(entry);
            }
        });
        return entries.OrderBy(entry => entry.FileName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads the top-level summary properties of one resource, skipping every nested value unread.</summary>
    private static PackageIndexEntry? Summarise(string fileName, ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? resourceType = null, id = null, url = null, version = null, kind = null, type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }

            var value = reader.GetString();
            switch (name)
            {
                case "resourceType": resourceType = value; break;
                case "id": id = value; break;
                case "url": url = value; break;
                case "version": version = value; break;
                case "kind": kind = value; break;
                case "type": type = value; break;
            }
        }

        return resourceType is null ? null : new PackageIndexEntry(fileName, resourceType, id, url, version, kind, type);
    }

    private static void TryWrite(string indexPath, IReadOnlyList<PackageIndexEntry> entries)
    {
        var temporary = indexPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteNumber("index-version", 1);
                writer.WriteStartArray("files");
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("filename", entry.FileName);
                    writer.WriteString("resourceType", entry.ResourceType);
                    WriteOptional(writer, "id", entry.Id);
                    WriteOptional(writer, "url", entry.Url);
                    WriteOptional(writer, "version", entry.Version);
                    WriteOptional(writer, "kind", entry.Kind);
                    WriteOptional(writer, "type", entry.Type);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            File.Move(temporary, indexPath, overwrite: true);
        }
        catch (IOException)
        {
            // A read-only cache still works: the index is rebuilt in memory on the next start.
            File.Delete(temporary);
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above: caching the index is an optimisation, never a requirement.
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
