namespace PhysicalAI.Sim;

/// <summary>A named cube colour: the word used in instructions, and its RGB.</summary>
/// <param name="Name">As an instruction says it: "red".</param>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
public sealed record CubeColor(string Name, byte R, byte G, byte B)
{
    /// <summary>The palette scenes draw from: distinct hues a camera (and a policy) can tell apart.</summary>
    public static IReadOnlyList<CubeColor> Palette { get; } =
    [
        new("red", 220, 40, 40),
        new("green", 40, 180, 60),
        new("blue", 40, 80, 220),
        new("yellow", 235, 210, 40),
        new("purple", 150, 60, 190),
    ];
}
