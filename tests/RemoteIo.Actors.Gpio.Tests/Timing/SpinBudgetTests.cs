using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The share of a core a timing thread may spend spinning the whole window.</summary>
public sealed class SpinBudgetTests
{
    private const long Window = 1_000_000;

    [Fact]
    public void AffordsFullWindow_Initially_TrueForABurstOfOneSecondsBudget()
    {
        // 5 % of a core for one second: 50 ms, fifty whole windows back to back.
        var budget = new SpinBudget(0.05, Window);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(budget.AffordsFullWindow(0), $"edge {i + 1} of a burst");
            budget.Spend(Window);
        }

        Assert.False(budget.AffordsFullWindow(0));
    }

    [Fact]
    public void AffordsFullWindow_DenseEdges_OnlyAsOftenAsTheShareAllows()
    {
        // 1,000 edge groups a second, each wanting the whole 1 ms window: 5 % of a core pays for 50 of them.
        var budget = new SpinBudget(0.05, Window);
        var full = 0;
        for (long now = 0; now < 10_000_000_000; now += 1_000_000)
        {
            if (budget.AffordsFullWindow(now))
            {
                full++;
                budget.Spend(Window);
            }
            else
            {
                budget.Spend(20_000); // the short, learned spin
            }
        }

        // 10 s: 50 from the full bucket, then (5 % - 2 % of short spins) of 10 s in whole windows.
        Assert.InRange(full, 330, 360);
    }

    [Fact]
    public void AffordsFullWindow_SparseEdges_AlwaysTheWholeWindow()
    {
        var budget = new SpinBudget(0.05, Window);
        for (long now = 0; now < 10_000_000_000; now += 50_000_000)
        {
            Assert.True(budget.AffordsFullWindow(now), $"edge at {now} ns");
            budget.Spend(Window);
        }
    }

    [Fact]
    public void AffordsFullWindow_ShareBelowOneWindowASecond_StillAWindowNowAndThen()
    {
        var budget = new SpinBudget(0.0001, Window);
        Assert.True(budget.AffordsFullWindow(0));
        budget.Spend(Window);
        Assert.False(budget.AffordsFullWindow(5_000_000_000));
        Assert.True(budget.AffordsFullWindow(10_000_000_000));
    }

    [Fact]
    public void AffordsFullWindow_ZeroShareOrZeroWindow_Never()
    {
        Assert.False(new SpinBudget(0, Window).AffordsFullWindow(0));
        Assert.False(new SpinBudget(0.05, 0).AffordsFullWindow(0));
    }
}
