using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// Runs a launch plan's processes to the end, as ros2 launch supervises them:
/// <list type="bullet">
/// <item>SIGINT or SIGTERM to the launch: SIGINT to every process; one still running after its
/// <c>sigterm_timeout</c> (5 s) gets SIGTERM, and after <c>sigkill_timeout</c> (5 s more) SIGKILL.</item>
/// <item>A process with <c>on_exit: shutdown</c> (a required node) ending ends the launch the same way.</item>
/// <item>A process with <c>respawn</c> is started again <c>respawn_delay</c> after it ends (up to
/// <c>respawn_max_retries</c> times), unless the launch is shutting down.</item>
/// <item>The launch ends by itself when no process is left running or waiting to respawn.</item>
/// </list>
/// Exit code: 0 when every process ended cleanly (exit code 0, and after SIGINT within its timeout); the
/// exit code of a required node that failed and so ended the launch; 1 otherwise.
/// </summary>
internal sealed class ProcessSupervisor(LaunchPlan plan, LaunchLog log)
{
    private readonly TaskCompletionSource<string> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SupervisedProcess> _running = [];
    private readonly Dictionary<NodeLaunch, int> _respawns = [];

    // A respawned node starts with the command line (and params files) of its first start.
    private readonly Dictionary<NodeLaunch, IReadOnlyList<string>> _commandLines = [];
    private string? _paramsDirectory;
    private int _paramsFiles;
    private bool _failed;
    private int? _requiredExitCode;

    public async Task<int> RunAsync()
    {
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, "SIGINT", "user interrupted with ctrl-c (SIGINT)"));
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, "SIGTERM", "signal SIGTERM received"));
        var pending = new List<(NodeLaunch Node, Task Due)>();
        try
        {
            foreach (NodeLaunch node in plan.Nodes)
            {
                if (_shutdown.Task.IsCompleted)
                {
                    break;
                }

                StartOrFail(node);
            }

            while (!_shutdown.Task.IsCompleted && (_running.Count > 0 || pending.Count > 0))
            {
                await Task.WhenAny(_running.Select(p => (Task)p.Exited).Concat(pending.Select(p => p.Due)).Append(_shutdown.Task)).ConfigureAwait(false);
                foreach (SupervisedProcess ended in _running.Where(p => p.Exited.IsCompleted).ToList())
                {
                    _running.Remove(ended);
                    int code = ended.Exited.Result;
                    Report(ended, code);
                    NodeLaunch node = ended.Node;
                    ended.Dispose();
                    if (_shutdown.Task.IsCompleted)
                    {
                        continue;
                    }

                    if (node.ShutdownOnExit)
                    {
                        _requiredExitCode = code;
                        _shutdown.TrySetResult($"process {node.Label} ended and is marked on_exit: shutdown");
                    }
                    else if (node.Respawn && (node.RespawnMaxRetries < 0 || _respawns.GetValueOrDefault(node) < node.RespawnMaxRetries))
                    {
                        _respawns[node] = _respawns.GetValueOrDefault(node) + 1;
                        log.Info(node.Label, $"respawning in {node.RespawnDelay.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture)} s");
                        pending.Add((node, Task.Delay(node.RespawnDelay)));
                    }
                    else
                    {
                        _failed |= code != 0;
                    }
                }

                foreach ((NodeLaunch Node, Task Due) due in pending.Where(p => p.Due.IsCompleted).ToList())
                {
                    pending.Remove(due);
                    if (!_shutdown.Task.IsCompleted)
                    {
                        StartOrFail(due.Node);
                    }
                }
            }

            if (_shutdown.Task.IsCompleted)
            {
                log.Info("launch", $"shutting down: {_shutdown.Task.Result}");
                await Task.WhenAll(_running.Select(StopAsync)).ConfigureAwait(false);
            }

            return _requiredExitCode is { } required and not 0 ? required : _failed ? 1 : 0;
        }
        finally
        {
            foreach (SupervisedProcess process in _running)
            {
                process.Kill();
                process.Dispose();
            }

            if (_paramsDirectory is not null)
            {
                Directory.Delete(_paramsDirectory, recursive: true);
            }
        }
    }

    private void OnSignal(PosixSignalContext context, string signal, string message)
    {
        context.Cancel = true;
        if (_shutdown.TrySetResult(signal))
        {
            log.Warning("launch", message);
        }
        else
        {
            log.Warning("launch", $"{signal} again while shutting down; the processes' timeouts still apply");
        }
    }

    private void StartOrFail(NodeLaunch node)
    {
        if (!_commandLines.TryGetValue(node, out IReadOnlyList<string>? commandLine))
        {
            _commandLines[node] = commandLine = NodeCommandLine.Build(node, WriteParameters);
        }

        try
        {
            SupervisedProcess process = SupervisedProcess.Start(node, commandLine, log);
            _running.Add(process);
            log.Info(node.Label, $"process started with pid [{process.Pid}]");
        }
        catch (Win32Exception e)
        {
            log.Error(node.Label, $"cannot start '{commandLine[0]}': {e.Message}");
            _failed = true;
            if (node.ShutdownOnExit)
            {
                _requiredExitCode = 1;
                _shutdown.TrySetResult($"required process {node.Label} could not start");
            }
        }
    }

    private void Report(SupervisedProcess process, int code)
    {
        if (code == 0)
        {
            log.Info(process.Node.Label, $"process has finished cleanly [pid {process.Pid}]");
        }
        else
        {
            log.Error(process.Node.Label, $"process has died [pid {process.Pid}, exit code {code}, cmd '{process.CommandLine}']");
        }
    }

    private async Task StopAsync(SupervisedProcess process)
    {
        NodeLaunch node = process.Node;
        process.Signal("INT");
        if (await Ended(process, node.SigtermTimeout).ConfigureAwait(false))
        {
            return;
        }

        _failed = true;
        log.Error(node.Label, $"process[{node.Label}] failed to terminate '{node.SigtermTimeout.TotalSeconds:0.0}' seconds after receiving 'SIGINT', escalating to 'SIGTERM'");
        process.Signal("TERM");
        if (await Ended(process, node.SigkillTimeout).ConfigureAwait(false))
        {
            return;
        }

        log.Error(node.Label, $"process[{node.Label}] failed to terminate '{node.SigkillTimeout.TotalSeconds:0.0}' seconds after receiving 'SIGTERM', escalating to 'SIGKILL'");
        process.Kill();
        await Ended(process, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
    }

    private async Task<bool> Ended(SupervisedProcess process, TimeSpan timeout)
    {
        Task done = await Task.WhenAny(process.Exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (done != process.Exited)
        {
            return false;
        }

        int code = process.Exited.Result;
        Report(process, code);
        _failed |= code != 0;
        return true;
    }

    private string WriteParameters(IReadOnlyList<Parameter> values)
    {
        _paramsDirectory ??= Directory.CreateTempSubdirectory("pai_launch_params_").FullName;
        string path = Path.Combine(_paramsDirectory, $"params_{++_paramsFiles}.yaml");
        File.WriteAllText(path, NodeCommandLine.ParamsFileText(values));
        return path;
    }
}
