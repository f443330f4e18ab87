namespace PhysicalAI.Robot;

/// <summary>URDF <c>&lt;mimic&gt;</c>: this joint's position is <c>Multiplier · position(Joint) + Offset</c>.</summary>
/// <param name="Joint">The joint mimicked.</param>
/// <param name="Multiplier">Scale.</param>
/// <param name="Offset">Offset in rad (or m).</param>
public sealed record JointMimic(string Joint, double Multiplier, double Offset);
