using System.Collections.Concurrent;
using System.Diagnostics;

namespace PhysicalAI.Nodes.Teleop;

/// <summary>
/// Reads keys from the terminal on a thread of its own, without echo and without waiting for Enter, and
/// queues each with the time it arrived for the executor thread to take.
/// </summary>
/// <remarks>
/// <c>Console.ReadKey(intercept: true)</c> switches the terminal to non-canonical, no-echo input only while
/// it waits and switches it back after each key; the runtime also restores the terminal's settings when the
/// process exits, on q, Ctrl-C (SIGINT, which the terminal still generates) or SIGTERM alike. The thread is a
/// background thread, so a read blocked at exit does not keep the process alive.
/// </remarks>
internal sealed class TerminalKeys
{
    private readonly ConcurrentQueue<(char Key, double At)> _keys = new();
    private readonly Stopwatch _clock;
    private readonly Thread _thread;

    /// <summary>Starts reading; times are <paramref name="clock"/>'s elapsed seconds.</summary>
    public TerminalKeys(Stopwatch clock)
    {
        _clock = clock;
        _thread = new Thread(Read) { IsBackground = true, Name = "teleop_keyboard keys" };
        _thread.Start();
    }

    /// <summary>Takes the next key read, if any.</summary>
    public bool TryTake(out char key, out double at)
    {
        bool taken = _keys.TryDequeue(out (char Key, double At) item);
        (key, at) = item;
        return taken;
    }

    private void Read()
    {
        try
        {
            while (true)
            {
                ConsoleKeyInfo info = Console.ReadKey(intercept: true);
                _keys.Enqueue((info.KeyChar, _clock.Elapsed.TotalSeconds));
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The terminal went away (hang-up): leave as on end of input.
            _keys.Enqueue(('\u0004', _clock.Elapsed.TotalSeconds));
        }
    }
}
