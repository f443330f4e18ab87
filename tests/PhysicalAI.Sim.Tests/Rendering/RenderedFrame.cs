using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>A copy of one rendered image and its depth, with the questions the tests ask of it.</summary>
internal sealed class RenderedFrame
{
    private RenderedFrame(CameraIntrinsics intrinsics, byte[] rgb8, float[] depth)
    {
        Intrinsics = intrinsics;
        Rgb8 = rgb8;
        Depth = depth;
    }

    public CameraIntrinsics Intrinsics { get; }

    public byte[] Rgb8 { get; }

    public float[] Depth { get; }

    public int Width => Intrinsics.Width;

    public int Height => Intrinsics.Height;

    public static RenderedFrame Of(SoftwareRenderer renderer, Matrix4x4 cameraToWorld, params RenderShape[] shapes)
    {
        var rgb8 = new byte[renderer.Intrinsics.Width * renderer.Intrinsics.Height * 3];
        renderer.Render(shapes, cameraToWorld, rgb8);
        return new RenderedFrame(renderer.Intrinsics, rgb8, renderer.Depth.ToArray());
    }

    public static RenderedFrame Of(CameraIntrinsics intrinsics, Matrix4x4 cameraToWorld, params RenderShape[] shapes) =>
        Of(new SoftwareRenderer(intrinsics), cameraToWorld, shapes);

    public Rgb Pixel(int u, int v)
    {
        int at = ((v * Width) + u) * 3;
        return new Rgb(Rgb8[at], Rgb8[at + 1], Rgb8[at + 2]);
    }

    public float DepthAt(int u, int v) => Depth[(v * Width) + u];

    public bool IsDrawn(int u, int v) => !float.IsPositiveInfinity(DepthAt(u, v));

    public int DrawnCount => Depth.Count(d => !float.IsPositiveInfinity(d));

    /// <summary>Inclusive pixel bounds of everything drawn, or null when nothing was.</summary>
    public (int MinU, int MinV, int MaxU, int MaxV)? DrawnBounds()
    {
        int minU = int.MaxValue, minV = int.MaxValue, maxU = -1, maxV = -1;
        for (int v = 0; v < Height; v++)
        {
            for (int u = 0; u < Width; u++)
            {
                if (IsDrawn(u, v))
                {
                    minU = Math.Min(minU, u);
                    maxU = Math.Max(maxU, u);
                    minV = Math.Min(minV, v);
                    maxV = Math.Max(maxV, v);
                }
            }
        }

        return maxU < 0 ? null : (minU, minV, maxU, maxV);
    }

    /// <summary>The optical-frame ray through the centre of pixel (u, v), scaled to z = 1.</summary>
    public Vector3 RayThrough(int u, int v) => new(
        (float)((u + 0.5 - Intrinsics.Cx) / Intrinsics.Fx),
        (float)((v + 0.5 - Intrinsics.Cy) / Intrinsics.Fy),
        1);
}
