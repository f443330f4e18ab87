using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// One run of a node's process: started in a session of its own (<c>setsid</c>), so that a terminal's
/// Ctrl-C reaches it only through the launch, once — a node takes a second SIGINT as "terminate now";
/// its output read line by line into the launch log; signalled with <c>kill</c>.
/// </summary>
internal sealed class SupervisedProcess : IDisposable
{
    private static readonly string? Setsid = FindOnPath("setsid");
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SupervisedProcess(NodeLaunch node, Process process, string commandLine)
    {
        Node = node;
        _process = process;
        CommandLine = commandLine;
    }

    public NodeLaunch Node { get; }

    public int Pid { get; private set; }

    /// <summary>The command line, for messages.</summary>
    public string CommandLine { get; }

    /// <summary>Completes with the exit code (128 + signal when a signal ended it) once the process has ended and its output is read.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts <paramref name="node"/> with <paramref name="commandLine"/>, its lines going to <paramref name="log"/>.</summary>
    /// <exception cref="Win32Exception">The program cannot be started.</exception>
    public static SupervisedProcess Start(NodeLaunch node, IReadOnlyList<string> commandLine, LaunchLog log)
    {
        var start = new ProcessStartInfo(Setsid ?? commandLine[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = node.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in Setsid is null ? commandLine.Skip(1) : commandLine)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach ((string key, string value) in node.Environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var supervised = new SupervisedProcess(node, process, string.Join(' ', commandLine));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Output(node.Label, e.Data, node.Output == OutputMode.Screen);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Output(node.Label, e.Data, screen: true);
            }
        };
        process.Start();
        supervised.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = supervised.WatchAsync();
        return supervised;
    }

    /// <summary>Sends SIGINT or SIGTERM (<c>INT</c>, <c>TERM</c>); nothing if the process has ended.</summary>
    public void Signal(string signal)
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        try
        {
            using Process kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, Pid.ToString(CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            })!;
            kill.StandardError.ReadToEnd();
            kill.WaitForExit();
        }
        catch (Win32Exception)
        {
            // No kill program: go straight to SIGKILL rather than leave the process running.
            Kill();
        }
    }

    /// <summary>SIGKILL to the process and anything it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already ended.
        }
    }

    public void Dispose() => _process.Dispose();

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    private async Task WatchAsync()
    {
        // WaitForExitAsync also waits for the redirected output to be read to its end.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _exited.TrySetResult(_process.ExitCode);
    }
}
