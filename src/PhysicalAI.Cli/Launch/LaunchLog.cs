using System.Globalization;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// What a launch prints, as ros2 launch prints it: its own messages as <c>[INFO] [launch]: ...</c>, each
/// process's lines prefixed with its label (<c>[talker-1] ...</c>). Everything also goes to
/// <c>launch.log</c> in a directory of its own under the ROS log directory (<c>$ROS_LOG_DIR</c>, else
/// <c>$ROS_HOME/log</c>, else <c>~/.ros/log</c>).
/// </summary>
internal sealed class LaunchLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TextWriter _screen;
    private StreamWriter? _file;

    public LaunchLog(TextWriter screen, string? directory)
    {
        _screen = screen;
        if (directory is null)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(directory);
            _file = new StreamWriter(Path.Combine(directory, "launch.log")) { AutoFlush = true };
            Directory = directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warning("launch", $"cannot write the launch log in {directory} ({e.Message}); output goes to the screen only");
        }
    }

    /// <summary>The directory holding launch.log, or null when there is none.</summary>
    public string? Directory { get; }

    /// <summary>The log directory for a launch started now, as ros2 launch names it: date, time, host and process id.</summary>
    public static string DefaultDirectory()
    {
        string root = Environment.GetEnvironmentVariable("ROS_LOG_DIR") is { Length: > 0 } dir ? dir
            : Environment.GetEnvironmentVariable("ROS_HOME") is { Length: > 0 } home ? Path.Combine(home, "log")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ros", "log");
        string stamp = DateTime.Now.ToString("yyyy-MM-dd-HH-mm-ss-ffffff", CultureInfo.InvariantCulture);
        return Path.Combine(root, $"{stamp}-{Environment.MachineName}-{Environment.ProcessId}");
    }

    public void Info(string source, string message) => Write($"[INFO] [{source}]: {message}", screen: true);

    public void Warning(string source, string message) => Write($"[WARNING] [{source}]: {message}", screen: true);

    public void Error(string source, string message) => Write($"[ERROR] [{source}]: {message}", screen: true);

    /// <summary>One line a process printed.</summary>
    public void Output(string label, string line, bool screen) => Write($"[{label}] {line}", screen);

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private void Write(string line, bool screen)
    {
        lock (_gate)
        {
            if (screen)
            {
                _screen.WriteLine(line);
                _screen.Flush();
            }

            try
            {
                _file?.WriteLine($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F3} {line}");
            }
            catch (IOException)
            {
                // A full disk must not stop the launch; the screen still has everything.
            }
        }
    }
}
