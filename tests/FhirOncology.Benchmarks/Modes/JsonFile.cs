using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>Writes and reads the modes' JSON files (reports, manifest) through the source-generated context.</summary>
internal static class JsonFile
{
    /// <summary>Creates the directory if needed; returns the full path written.</summary>
    public static string Write<T>(string path, T value, JsonTypeInfo<T> type)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, JsonSerializer.SerializeToUtf8Bytes(value, type));
        return fullPath;
    }

    public static T Read<T>(string path, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), type) ?? throw new JsonException($"{path} holds null.");
}
