using System.Globalization;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// The allowed values of an integer parameter (rcl_interfaces/IntegerRange): <c>[From, To]</c>, and when
/// <see cref="Step"/> is nonzero only From + k·Step, with To always allowed. Compared exactly, as rclcpp does.
/// </summary>
/// <param name="From">Lowest allowed value.</param>
/// <param name="To">Highest allowed value.</param>
/// <param name="Step">Spacing of allowed values; 0 for any value in range.</param>
public sealed record IntegerRange(long From, long To, ulong Step = 0)
{
    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Allows(long value)
    {
        if (value == From || value == To)
        {
            return true;
        }

        if (value < From || value > To)
        {
            return false;
        }

        // value > From here, so the distance fits in an unsigned 64-bit number.
        return Step == 0 || unchecked((ulong)value - (ulong)From) % Step == 0;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Step == 0
            ? string.Create(CultureInfo.InvariantCulture, $"[{From}, {To}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{From}, {To}] in steps of {Step}");
}
