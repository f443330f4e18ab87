using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>The hue of a colour in degrees, the property shading must keep.</summary>
internal static class Hue
{
    public static double Of(Rgb color)
    {
        double r = color.R / 255.0, g = color.G / 255.0, b = color.B / 255.0;
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        double chroma = max - min;
        if (chroma == 0)
        {
            return double.NaN;
        }

        double sector = max == r ? ((g - b) / chroma) + 6 : max == g ? ((b - r) / chroma) + 2 : ((r - g) / chroma) + 4;
        return (sector * 60) % 360;
    }

    public static double Distance(Rgb a, Rgb b)
    {
        double d = Math.Abs(Of(a) - Of(b)) % 360;
        return Math.Min(d, 360 - d);
    }
}
