namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// The frame being drawn: rgb8 pixels and an inverse-depth buffer (0 where nothing is drawn, larger is nearer),
/// filled one triangle at a time with half-space edge functions in exact fixed point.
/// </summary>
internal readonly ref struct RasterTarget
{
    private readonly Span<byte> _rgb8;
    private readonly Span<float> _inverseDepth;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Wraps the buffers of one frame.</summary>
    public RasterTarget(Span<byte> rgb8, Span<float> inverseDepth, int width, int height)
    {
        _rgb8 = rgb8;
        _inverseDepth = inverseDepth;
        _width = width;
        _height = height;
    }

    /// <summary>
    /// Paints the pixels whose centres the triangle covers and that are nearer than what is already there.
    /// Either winding is accepted. Pixel centres exactly on an edge belong to the triangle only if the edge is a top
    /// or a left edge, so a centre on an edge shared by two triangles is painted exactly once.
    /// </summary>
    public void FillTriangle(ScreenVertex a, ScreenVertex b, ScreenVertex c, Rgb color)
    {
        long area = EdgeFunction(a, b, c.X, c.Y);
        if (area == 0)
        {
            return;
        }

        // One winding below: with y down, the edge functions are all positive inside.
        if (area < 0)
        {
            (b, c) = (c, b);
            area = -area;
        }

        const long Pixel = ScreenVertex.Pixel;
        const long Half = ScreenVertex.HalfPixel;
        const int Bits = ScreenVertex.SubpixelBits;

        // Pixel u is sampled at 256u + 128: the first sampled column at or right of minX and the last at or left of maxX.
        long minX = Math.Min(a.X, Math.Min(b.X, c.X));
        long maxX = Math.Max(a.X, Math.Max(b.X, c.X));
        long minY = Math.Min(a.Y, Math.Min(b.Y, c.Y));
        long maxY = Math.Max(a.Y, Math.Max(b.Y, c.Y));
        int x0 = (int)Math.Max(0, -((Half - minX) >> Bits));
        int x1 = (int)Math.Min(_width - 1, (maxX - Half) >> Bits);
        int y0 = (int)Math.Max(0, -((Half - minY) >> Bits));
        int y1 = (int)Math.Min(_height - 1, (maxY - Half) >> Bits);
        if (x0 > x1 || y0 > y1)
        {
            return;
        }

        // w_a is the edge function of the edge opposite a, and so on; each is biased by -1 unless its edge is top-left,
        // turning "> 0" into ">= 0" so that one sign test covers both cases.
        long startX = (x0 * Pixel) + Half;
        long startY = (y0 * Pixel) + Half;
        long rowA = EdgeFunction(b, c, startX, startY) - Bias(b, c);
        long rowB = EdgeFunction(c, a, startX, startY) - Bias(c, a);
        long rowC = EdgeFunction(a, b, startX, startY) - Bias(a, b);
        long stepXA = (b.Y - c.Y) * Pixel, stepYA = (c.X - b.X) * Pixel;
        long stepXB = (c.Y - a.Y) * Pixel, stepYB = (a.X - c.X) * Pixel;
        long stepXC = (a.Y - b.Y) * Pixel, stepYC = (b.X - a.X) * Pixel;

        // 1/z is affine in the image, so it interpolates with the same weights as the edge functions.
        double perArea = 1.0 / area;
        float depthStepX = (float)(((stepXA * (double)a.InverseDepth) + (stepXB * (double)b.InverseDepth) + (stepXC * (double)c.InverseDepth)) * perArea);

        Span<float> depth = _inverseDepth;
        Span<byte> rgb = _rgb8;
        byte red = color.R, green = color.G, blue = color.B;
        for (int y = y0; y <= y1; y++)
        {
            long wA = rowA, wB = rowB, wC = rowC;
            float inverseDepth = (float)(((wA * (double)a.InverseDepth) + (wB * (double)b.InverseDepth) + (wC * (double)c.InverseDepth)) * perArea);
            int pixel = (y * _width) + x0;
            bool entered = false;
            for (int x = x0; x <= x1; x++, pixel++)
            {
                if ((wA | wB | wC) >= 0)
                {
                    entered = true;
                    if (inverseDepth > depth[pixel])
                    {
                        depth[pixel] = inverseDepth;
                        int at = pixel * 3;
                        rgb[at] = red;
                        rgb[at + 1] = green;
                        rgb[at + 2] = blue;
                    }
                }
                else if (entered)
                {
                    // A triangle is convex: once a row has left it, the rest of the row is outside too.
                    break;
                }

                wA += stepXA;
                wB += stepXB;
                wC += stepXC;
                inverseDepth += depthStepX;
            }

            rowA += stepYA;
            rowB += stepYB;
            rowC += stepYC;
        }
    }

    /// <summary>Twice the signed area of (from, to, point), positive when point is inside a triangle wound like ours.</summary>
    private static long EdgeFunction(ScreenVertex from, ScreenVertex to, long x, long y) =>
        ((to.X - from.X) * (y - from.Y)) - ((to.Y - from.Y) * (x - from.X));

    /// <summary>0 for a top edge (horizontal, running right) or a left edge (running up), 1 otherwise.</summary>
    private static long Bias(ScreenVertex from, ScreenVertex to)
    {
        long dy = to.Y - from.Y;
        return dy < 0 || (dy == 0 && to.X > from.X) ? 0 : 1;
    }
}
