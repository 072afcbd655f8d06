using FhirOncology.Core.Subscriptions;

namespace FhirOncology.UnitTests.Core.Subscriptions;

public sealed class RetryScheduleTests
{
    private static readonly SubscriptionOptions Options = new() { BaseRetryDelayMilliseconds = 30_000, MaxRetryDelayMilliseconds = 3_600_000 };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)] // 3,840 s capped at an hour
    [InlineData(1000, 3600)]
    public void Delay_DoublesAfterEachFailure_UpToTheCap(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.Delay(failedAttempts, Options, jitter: 0));

    [Fact]
    public void Delay_Jitter_ShortensByAtMostAFifth()
    {
        var full = RetrySchedule.Delay(3, Options, 0);

        Assert.Equal(full * 0.8, RetrySchedule.Delay(3, Options, 1));
        Assert.InRange(RetrySchedule.Delay(3, Options, 0.5), full * 0.8, full);
    }
}
