using PhysicalAI.Ros.Client.Logging;

namespace PhysicalAI.Nodes.Teleop;

/// <summary>
/// The terminal teleop_keyboard draws on: the key help, a status line rewritten in place, and the node's
/// log lines, which it receives as the context's console sink so that a log line clears the status line,
/// takes a line of its own and the status line is redrawn under it (instead of the two running together).
/// </summary>
internal sealed class TeleopConsole(IRosLogSink logs) : IRosLogSink
{
    private const string ClearLine = "\r\u001b[K";
    private readonly Lock _gate = new();
    private string _status = string.Empty;

    /// <inheritdoc/>
    public void Write(in RosLogRecord record)
    {
        lock (_gate)
        {
            Out(ClearLine);
            logs.Write(record);
            Out(_status);
        }
    }

    /// <summary>Prints <paramref name="lines"/> above the status line.</summary>
    public void Print(IEnumerable<string> lines)
    {
        lock (_gate)
        {
            Out(ClearLine + string.Join(Environment.NewLine, lines) + Environment.NewLine + _status);
        }
    }

    /// <summary>Replaces the status line (drawn only when it changes), cut to the terminal's width so it never wraps.</summary>
    public void Status(string text)
    {
        int width = Width();
        if (width > 1 && text.Length >= width)
        {
            text = text[..(width - 1)];
        }

        lock (_gate)
        {
            if (text != _status)
            {
                _status = text;
                Out(ClearLine + text);
            }
        }
    }

    /// <summary>Ends the status line, so the shell's prompt starts on a line of its own.</summary>
    public void Close()
    {
        lock (_gate)
        {
            Out(Environment.NewLine);
        }
    }

    // A wrapped line could not be cleared by returning to its start; a pseudo-terminal may report no width.
    private static int Width()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    private static void Out(string text)
    {
        try
        {
            Console.Out.Write(text);
            Console.Out.Flush();
        }
        catch (IOException)
        {
            // A closed terminal must not take the node down before it has stopped the arm.
        }
    }
}
