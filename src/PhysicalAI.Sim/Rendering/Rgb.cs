namespace PhysicalAI.Sim.Rendering;

/// <summary>An 8-bit-per-channel colour, in the channel order of the ROS <c>rgb8</c> encoding.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
public readonly record struct Rgb(byte R, byte G, byte B);
