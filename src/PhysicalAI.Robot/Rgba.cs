namespace PhysicalAI.Robot;

/// <summary>A colour with components in [0, 1], as URDF's <c>&lt;color rgba&gt;</c>.</summary>
public readonly record struct Rgba(double R, double G, double B, double A = 1.0)
{
    /// <summary>Neutral grey, for visuals without a material.</summary>
    public static Rgba Grey => new(0.6, 0.6, 0.6);
}
