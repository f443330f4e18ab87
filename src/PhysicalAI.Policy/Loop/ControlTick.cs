namespace PhysicalAI.Policy.Loop;

/// <summary>What a control step produced.</summary>
public enum ControlTick
{
    /// <summary>An action to command.</summary>
    Command,

    /// <summary>Paused through <see cref="PolicyLoop.Enabled"/>.</summary>
    Disabled,

    /// <summary>The card has a language input and no instruction has arrived.</summary>
    NoInstruction,

    /// <summary>A camera frame or the joint state is missing or older than the card allows: the queue was flushed.</summary>
    Stale,

    /// <summary>Nothing queued yet (the first chunk, or inference fell behind).</summary>
    Empty,
}
