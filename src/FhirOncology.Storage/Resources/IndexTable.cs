using FhirOncology.Core.Indexing;

namespace FhirOncology.Storage.Resources;

/// <summary>How one kind of index entry maps onto its table's columns (besides ResourceSurrogateId and ResourceType).</summary>
internal sealed record IndexTable<T>(string Name, string[] Columns, Func<T, object?[]> Values);

internal static class IndexTables
{
    public static readonly IndexTable<TokenIndexEntry> Token = new("TokenSearchParam", ["ParamCode", "System", "Code"],
        e => [e.ParamCode, e.System, e.Code]);

    public static readonly IndexTable<StringIndexEntry> String = new("StringSearchParam", ["ParamCode", "Value", "ValueExact"],
        e => [e.ParamCode, e.Value, e.ValueExact]);

    public static readonly IndexTable<DateIndexEntry> Date = new("DateSearchParam", ["ParamCode", "StartTime", "EndTime"],
        e => [e.ParamCode, e.Start, e.End]);

    public static readonly IndexTable<ReferenceIndexEntry> Reference = new("ReferenceSearchParam",
        ["ParamCode", "BaseUri", "TargetType", "TargetId", "TargetVersion"],
        e => [e.ParamCode, e.BaseUri, e.TargetType, e.TargetId, e.TargetVersion]);

    public static readonly IndexTable<QuantityIndexEntry> Quantity = new("QuantitySearchParam",
        ["ParamCode", "System", "Code", "Value", "LowValue", "HighValue"],
        e => [e.ParamCode, e.System, e.Code, e.Value, e.Low, e.High]);

    public static readonly IndexTable<NumberIndexEntry> Number = new("NumberSearchParam", ["ParamCode", "Value", "LowValue", "HighValue"],
        e => [e.ParamCode, e.Value, e.Low, e.High]);

    public static readonly IndexTable<UriIndexEntry> Uri = new("UriSearchParam", ["ParamCode", "Uri"], e => [e.ParamCode, e.Uri]);

    public static readonly IndexTable<CompositeIndexEntry> Composite = new("CompositeSearchParam",
        ["ParamCode", "System1", "Code1", "System2", "Code2", "Text2", "LowValue2", "HighValue2", "StartTime2", "EndTime2"],
        e => [e.ParamCode, e.System1, e.Code1, e.System2, e.Code2, e.Text2, e.Low2, e.High2, e.Start2, e.End2]);
}
