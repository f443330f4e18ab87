using System.Diagnostics;

namespace PhysicalAI.Cli;

/// <summary>A child process (ddsperf, a benchmark worker, a launch) with its latest output lines collected.</summary>
internal sealed class MonitoredProcess : IDisposable
{
    private readonly Process _process;
    private const int MaxLines = 4000;

    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MonitoredProcess(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string? value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Description = fileName + " " + string.Join(' ', start.ArgumentList);
    }

    public string Description { get; }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits for a "ready" line (our workers print one once their endpoints exist).</summary>
    public bool WaitReady(TimeSpan timeout) => _ready.Task.Wait(timeout);

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit();
        return true;
    }

    /// <summary>Sends SIGINT (a clean shutdown for nodes and launches) and waits up to <paramref name="timeout"/> for the exit.</summary>
    public bool Interrupt(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        return WaitForExit(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            // The latest lines are what errors quote; a long-lived process must not grow without bound.
            if (_lines.Count >= MaxLines)
            {
                _lines.RemoveRange(0, MaxLines / 2);
            }

            _lines.Add(line);
        }

        if (line.Trim() == "ready")
        {
            _ready.TrySetResult();
        }
    }
}
