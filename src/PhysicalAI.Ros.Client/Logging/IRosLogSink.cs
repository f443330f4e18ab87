namespace PhysicalAI.Ros.Client.Logging;

/// <summary>Where log records go once they pass their logger's threshold: the console, /rosout.</summary>
public interface IRosLogSink
{
    /// <summary>Handles one record. Must not throw.</summary>
    void Write(in RosLogRecord record);
}
