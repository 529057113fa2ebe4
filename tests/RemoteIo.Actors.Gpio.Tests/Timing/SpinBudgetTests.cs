using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The share of a core a timing thread may spend spinning the whole window.</summary>
public sealed class SpinBudgetTests
{
    private const long Window = 1_000_000;

    /// <summary>A gap after which an edge counts as sparse (a quiet spell).</summary>
    private const long Sparse = long.MaxValue;

    [Fact]
    public void AffordsFullWindow_Initially_TrueForABurstOfOneSecondsBudget()
    {
        // 5 % of a core for one second: 50 ms, fifty whole windows back to back.
        var budget = new SpinBudget(0.05, Window);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(budget.AffordsFullWindow(0, Sparse), $"edge {i + 1} of a burst");
            budget.Spend(Window);
        }

        Assert.False(budget.AffordsFullWindow(0, Sparse));
    }

    [Fact]
    public void AffordsFullWindow_EdgesTwoWindowsApart_OnlyAsOftenAsTheShareAllows()
    {
        // 500 edge groups a second, 2 ms apart (just sparse enough), each wanting the whole 1 ms
        // window: 5 % of a core pays for a tenth of them.
        var budget = new SpinBudget(0.05, Window);
        var full = 0;
        for (long now = 0; now < 10_000_000_000; now += 2 * Window)
        {
            if (budget.AffordsFullWindow(now, 2 * Window))
            {
                full++;
                budget.Spend(Window);
            }
            else
            {
                budget.Spend(20_000); // the short, learned spin
            }
        }

        // 10 s: 50 from the full bucket, then 5 % of 10 s less the short spins (20 µs at 500/s) in whole windows.
        Assert.InRange(full, 440, 475);
    }

    [Fact]
    public void AffordsFullWindow_EdgesBetweenAGroupAndTwoWindowsApart_NeverTheWholeWindowEvenWithBudgetLeft()
    {
        // A 1 ms blink on one thread: spinning window after window would hold the core for the whole
        // burst, and the threads the edges wake would wait behind it.
        var budget = new SpinBudget(0.1, Window);
        for (long now = 0; now < 1_000_000_000; now += Window)
        {
            Assert.False(budget.AffordsFullWindow(now, Window), $"edge at {now} ns");
            Assert.False(budget.AffordsFullWindow(now, (2 * Window) - 1));
            Assert.False(budget.AffordsFullWindow(now, (Window / SpinBudget.GroupFraction) + 1));
        }

        Assert.True(budget.AffordsFullWindow(1_000_000_000, 2 * Window));
    }

    [Fact]
    public void AffordsFullWindow_EdgeOfTheSameGroup_TheWholeWindowWhileTheBudgetLasts()
    {
        // Eight impulses started together end a few µs apart: the thread keeps spinning through the
        // group instead of sleeping a few µs and waking late.
        var budget = new SpinBudget(0.1, Window);
        Assert.True(budget.AffordsFullWindow(0, 30_000));
        Assert.True(budget.AffordsFullWindow(0, Window / SpinBudget.GroupFraction));
        budget.Spend(100 * Window);
        Assert.False(budget.AffordsFullWindow(0, 30_000));
    }

    [Fact]
    public void AffordsFullWindow_SparseEdges_AlwaysTheWholeWindow()
    {
        var budget = new SpinBudget(0.05, Window);
        for (long now = 0; now < 10_000_000_000; now += 50_000_000)
        {
            Assert.True(budget.AffordsFullWindow(now, 50_000_000), $"edge at {now} ns");
            budget.Spend(Window);
        }
    }

    [Fact]
    public void AffordsFullWindow_ShareBelowOneWindowASecond_StillAWindowNowAndThen()
    {
        var budget = new SpinBudget(0.0001, Window);
        Assert.True(budget.AffordsFullWindow(0, Sparse));
        budget.Spend(Window);
        Assert.False(budget.AffordsFullWindow(5_000_000_000, Sparse));
        Assert.True(budget.AffordsFullWindow(10_000_000_000, Sparse));
    }

    [Fact]
    public void AffordsFullWindow_ZeroShareOrZeroWindow_Never()
    {
        Assert.False(new SpinBudget(0, Window).AffordsFullWindow(0, Sparse));
        Assert.False(new SpinBudget(0.05, 0).AffordsFullWindow(0, Sparse));
    }
}
