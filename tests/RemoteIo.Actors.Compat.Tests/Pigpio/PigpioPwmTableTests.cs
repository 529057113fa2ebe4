using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

public sealed class PigpioPwmTableTests
{
    [Fact]
    public void Frequencies_DefaultSampleRate_ArePigpiosDocumentedTable()
    {
        var table = new PigpioPwmTable(5);

        // pigpio docs, gpioSetPWMfrequency, sample rate 5 µs.
        int[] expected = [8000, 4000, 2000, 1600, 1000, 800, 500, 400, 320, 250, 200, 160, 100, 80, 50, 40, 20, 10];
        Assert.Equal(expected, Enumerable.Range(0, PigpioPwmTable.Count).Select(table.Frequency));
    }

    [Fact]
    public void Frequencies_OneMicrosecondSampleRate_ArePigpiosDocumentedTable()
    {
        var table = new PigpioPwmTable(1);

        int[] expected = [40000, 20000, 10000, 8000, 5000, 4000, 2500, 2000, 1600, 1250, 1000, 800, 500, 400, 250, 200, 100, 50];
        Assert.Equal(expected, Enumerable.Range(0, PigpioPwmTable.Count).Select(table.Frequency));
    }

    [Theory]
    [InlineData(100u, 100)]
    [InlineData(50u, 50)]
    [InlineData(75u, 80)]
    [InlineData(90u, 100)]
    [InlineData(0u, 10)]
    [InlineData(9u, 10)]
    [InlineData(8001u, 8000)]
    [InlineData(1_000_000u, 8000)]
    [InlineData(700u, 800)]
    public void ClosestIndex_Frequency_ChoosesWhatPigpioChooses(uint asked, int chosen)
    {
        var table = new PigpioPwmTable(5);

        Assert.Equal(chosen, table.Frequency(table.ClosestIndex(asked)));
    }

    [Fact]
    public void Defaults_AreEightHundredHertzAndRange255() =>
        Assert.Equal((800, 250, 255), (new PigpioPwmTable(5).Frequency(PigpioPwmTable.DefaultIndex), PigpioPwmTable.RealRange(PigpioPwmTable.DefaultIndex), PigpioPwmTable.DefaultRange));
}
