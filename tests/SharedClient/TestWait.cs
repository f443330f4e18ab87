using PhysicalAI.Ros.Client.Executors;

namespace PhysicalAI.Ros.Tests.Shared;

/// <summary>Waiting for eventual outcomes with generous limits (these tests share two loaded cores).</summary>
public static class TestWait
{
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    public static bool Spin(SingleThreadedExecutor executor, Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            executor.SpinOnce(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }

    /// <summary>Spins <paramref name="executor"/> until <paramref name="task"/> completes (it has its own timeout), then returns its result.</summary>
    public static async Task<T> WhileSpinning<T>(SingleThreadedExecutor executor, Task<T> task)
    {
        while (!task.IsCompleted)
        {
            executor.SpinOnce(TimeSpan.FromMilliseconds(20));
        }

        return await task;
    }
}
