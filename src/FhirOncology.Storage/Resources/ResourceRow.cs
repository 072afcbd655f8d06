using FhirOncology.Core.Storage;

namespace FhirOncology.Storage.Resources;

/// <summary>A row of the Resource table as Dapper reads it.</summary>
internal sealed class ResourceRow
{
    public long ResourceSurrogateId { get; init; }

    public string ResourceType { get; init; } = "";

    public string ResourceId { get; init; } = "";

    public long Version { get; init; }

    public string RequestMethod { get; init; } = "";

    public long LastUpdated { get; init; }

    public byte[] RawResource { get; init; } = [];

    // The values of up to three _sort keys, when a search sorts by parameters (SearchRunner.Sorted).
    public object? K0 { get; init; }

    public object? K1 { get; init; }

    public object? K2 { get; init; }

    public object?[] SortValues => [K0, K1, K2];

    public ResourceVersion ToVersion() => new(
        new ResourceKey(ResourceType, ResourceId),
        checked((int)Version),
        DateTimeOffset.FromUnixTimeMilliseconds(LastUpdated),
        ParseMethod(RequestMethod),
        RawResourceCodec.Decompress(RawResource));

    public static string FormatMethod(WriteMethod method) => method switch
    {
        WriteMethod.Create => "POST",
        WriteMethod.Update => "PUT",
        _ => "DELETE",
    };

    private static WriteMethod ParseMethod(string method) => method switch
    {
        "POST" => WriteMethod.Create,
        "PUT" => WriteMethod.Update,
        "DELETE" => WriteMethod.Delete,
        _ => throw new InvalidDataException($"Unknown RequestMethod '{method}' in the Resource table."),
    };
}
