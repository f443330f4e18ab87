namespace PhysicalAI.Cli.Launch;

/// <summary>Where a process's output goes (a node's <c>output</c>). Every line is written to the launch log.</summary>
internal enum OutputMode
{
    /// <summary><c>log</c> (the default, as in ros2 launch): standard error on the screen, standard output only in the log.</summary>
    Log,

    /// <summary><c>screen</c> or <c>both</c>: standard output and standard error on the screen.</summary>
    Screen,
}
