namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// An allowed range for a numeric parameter: <c>[From, To]</c>, and when <see cref="Step"/> is nonzero only
/// From + k·Step (To is always allowed), as rcl_interfaces' IntegerRange and FloatingPointRange define it.
/// </summary>
/// <param name="From">Lowest allowed value.</param>
/// <param name="To">Highest allowed value.</param>
/// <param name="Step">Spacing of allowed values; 0 for any value in range.</param>
public sealed record ParameterRange(double From, double To, double Step = 0)
{
    /// <summary>Whether <paramref name="value"/> is allowed (floating ranges compare with rclcpp's 1e-6 relative tolerance).</summary>
    public bool Allows(double value, bool integer)
    {
        if (integer)
        {
            long v = (long)value, from = (long)From, to = (long)To, step = (long)Step;
            return v >= from && v <= to && (step == 0 || v == to || (v - from) % step == 0);
        }

        const double Tolerance = 1e-6;
        bool near(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
        if (near(value, From) || near(value, To))
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

        double steps = (value - From) / Step;
        return near(steps, Math.Round(steps));
    }

    /// <inheritdoc/>
    public override string ToString() => Step == 0 ? $"[{From}, {To}]" : $"[{From}, {To}] in steps of {Step}";
}
