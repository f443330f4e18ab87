using System.Globalization;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// The allowed values of a floating-point parameter (rcl_interfaces/FloatingPointRange): <c>[From, To]</c>,
/// and when <see cref="Step"/> is nonzero only From + k·Step, with To always allowed. Values count as equal
/// within rclcpp's tolerance of 100 ulps (<c>|a − b| ≤ ε·|a + b|·100</c>), so 0.1 + 0.2 is on a 0.1 grid.
/// </summary>
/// <param name="From">Lowest allowed value.</param>
/// <param name="To">Highest allowed value.</param>
/// <param name="Step">Spacing of allowed values; 0 for any value in range.</param>
public sealed record FloatingPointRange(double From, double To, double Step = 0)
{
    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Allows(double value)
    {
        if (NearlyEqual(value, From) || NearlyEqual(value, To))
        {
            return true;
        }

        if (value < From || value > To)
        {
            return false;
        }

        if (Step == 0)
        {
            return true;
        }

        double steps = Math.Round((value - From) / Step, MidpointRounding.AwayFromZero);
        return NearlyEqual(value, From + (steps * Step));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Step == 0
            ? string.Create(CultureInfo.InvariantCulture, $"[{From}, {To}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{From}, {To}] in steps of {Step}");

    // rclcpp's __are_doubles_equal(x, y, ulp = 100).
    private const double MachineEpsilon = 2.220446049250313e-16; // C's DBL_EPSILON (double.Epsilon is the smallest subnormal)

    private static bool NearlyEqual(double x, double y) => Math.Abs(x - y) <= MachineEpsilon * Math.Abs(x + y) * 100;
}
