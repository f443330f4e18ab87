namespace PhysicalAI.Safety;

/// <summary>A stretch of constant jerk: rad/s³ (or m/s³) for a duration in seconds.</summary>
public readonly record struct JerkPhase(double Jerk, double Duration);
