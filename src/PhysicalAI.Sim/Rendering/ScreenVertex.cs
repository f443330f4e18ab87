namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// A projected vertex in fixed-point image coordinates (1/256 pixel) with its inverse depth. Fixed point makes the
/// edge functions exact, so two triangles sharing an edge agree on every pixel along it and leave no cracks.
/// </summary>
/// <param name="X">Horizontal position in 1/256 pixel; pixel u covers [256u, 256u + 256).</param>
/// <param name="Y">Vertical position in 1/256 pixel, down from the top edge.</param>
/// <param name="InverseDepth">1 / z, which unlike z is affine across a projected triangle.</param>
internal readonly record struct ScreenVertex(long X, long Y, float InverseDepth)
{
    /// <summary>Bits below the pixel in <see cref="X"/> and <see cref="Y"/>.</summary>
    public const int SubpixelBits = 8;

    /// <summary>One pixel in fixed-point units.</summary>
    public const long Pixel = 1L << SubpixelBits;

    /// <summary>Half a pixel: where a pixel's sample point sits from its top-left corner.</summary>
    public const long HalfPixel = Pixel / 2;
}
