using FhirOncology.Storage.Resources;

namespace FhirOncology.UnitTests.Storage.Resources;

public sealed class SurrogateIdGeneratorTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_SameMillisecond_StrictlyIncreases()
    {
        var generator = new SurrogateIdGenerator();
        var ids = Enumerable.Range(0, 1000).Select(_ => generator.Next(Instant, 0)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(SurrogateIdGenerator.LowerBound(Instant), ids[0]);
    }

    [Fact]
    public void Next_ClockBehindDatabase_StaysAboveDatabaseMaximum()
    {
        var generator = new SurrogateIdGenerator();
        var databaseMaximum = SurrogateIdGenerator.LowerBound(Instant.AddSeconds(5));
        Assert.Equal(databaseMaximum + 1, generator.Next(Instant, databaseMaximum));
    }

    [Fact]
    public void LowerBound_OrdersLikeTime() =>
        Assert.True(SurrogateIdGenerator.LowerBound(Instant) < SurrogateIdGenerator.LowerBound(Instant.AddMilliseconds(1)));
}
