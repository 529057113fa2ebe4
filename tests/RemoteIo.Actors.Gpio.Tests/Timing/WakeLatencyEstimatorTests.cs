using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The adaptive spin window of the timing threads.</summary>
public sealed class WakeLatencyEstimatorTests
{
    [Fact]
    public void SpinNanoseconds_Initially_IsTheConfiguredWindow()
    {
        var estimator = new WakeLatencyEstimator(200_000);
        Assert.Equal(200_000, estimator.SpinNanoseconds);
    }

    [Fact]
    public void Learn_PunctualWakes_ShrinkTheWindowTowardTheMinimum()
    {
        var estimator = new WakeLatencyEstimator(200_000);
        for (var i = 0; i < 2000; i++)
        {
            estimator.Learn(2_000);
        }

        Assert.InRange(estimator.LatencyNanoseconds, 2_000, 2_100);
        Assert.InRange(estimator.SpinNanoseconds, 13_000, 13_200);
    }

    [Fact]
    public void Learn_OneLateWake_RaisesTheWindowAtOnceWithinTheMaximum()
    {
        var estimator = new WakeLatencyEstimator(200_000);
        for (var i = 0; i < 2000; i++)
        {
            estimator.Learn(1_000);
        }

        estimator.Learn(50_000);
        Assert.Equal(50_000, estimator.LatencyNanoseconds);
        Assert.Equal(85_000, estimator.SpinNanoseconds);
        estimator.Learn(5_000_000);
        Assert.Equal(200_000, estimator.SpinNanoseconds);
    }

    [Fact]
    public void Learn_EarlyWakeBySignal_IsNotAMeasurement()
    {
        var estimator = new WakeLatencyEstimator(200_000);
        estimator.Learn(-30_000);
        Assert.Equal(200_000, estimator.LatencyNanoseconds);
    }

    [Fact]
    public void Decay_EdgesWithoutSleeps_LetTheWindowSinkUntilTheThreadSleepsAgain()
    {
        var estimator = new WakeLatencyEstimator(200_000);
        for (var i = 0; i < 1000; i++)
        {
            estimator.Decay();
        }

        Assert.True(estimator.SpinNanoseconds < 50_000, $"spin window after 1000 edges without a sleep: {estimator.SpinNanoseconds} ns");
        Assert.True(estimator.SpinNanoseconds >= 5_000);
    }

    [Fact]
    public void SpinNanoseconds_TinyConfiguredWindow_NeverExceedsIt()
    {
        var estimator = new WakeLatencyEstimator(2_000);
        estimator.Learn(0);
        Assert.Equal(2_000, estimator.SpinNanoseconds);
        Assert.Equal(0, new WakeLatencyEstimator(0).SpinNanoseconds);
    }
}
