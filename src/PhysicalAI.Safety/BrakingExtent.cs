namespace PhysicalAI.Safety;

/// <summary>Where a stop goes, relative to where it starts: its lowest and highest displacement, where it rests, and how long it takes (s).</summary>
public readonly record struct BrakingExtent(double Lowest, double Highest, double Rest, double Time);
