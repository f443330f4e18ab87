using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// The camera's view volume in its optical frame: the near plane plus four side planes pushed out to a guard band
/// around the image. Triangles inside it project to bounded fixed-point coordinates; those crossing it are clipped
/// first, so geometry behind or beside the camera never reaches the rasterizer as wrapped-around garbage.
/// </summary>
internal sealed class ViewFrustum
{
    /// <summary>Distance of the near plane along the optical axis, metres.</summary>
    public const float NearPlane = 0.01f;

    /// <summary>
    /// How far beyond the image edges, in pixels, projected geometry may reach unclipped. Most triangles that poke
    /// out of the image stay within it and skip clipping; it also bounds fixed-point coordinates to about 2^21.
    /// </summary>
    public const float GuardBandPixels = 1024;

    /// <summary>A triangle clipped by five planes has at most eight corners.</summary>
    public const int MaxClippedVertices = 8;

    private const int PlaneCount = 5;

    private readonly Vector4[] _planes = new Vector4[PlaneCount];
    private readonly Vector3[] _polygon = new Vector3[MaxClippedVertices + 1];
    private readonly Vector3[] _clipped = new Vector3[MaxClippedVertices + 1];
    private readonly float _fx;
    private readonly float _fy;
    private readonly float _cx;
    private readonly float _cy;

    /// <summary>Creates the view volume of a camera.</summary>
    public ViewFrustum(CameraIntrinsics intrinsics)
    {
        _fx = (float)intrinsics.Fx;
        _fy = (float)intrinsics.Fy;
        _cx = (float)intrinsics.Cx;
        _cy = (float)intrinsics.Cy;
        float right = intrinsics.Width + GuardBandPixels - _cx;
        float bottom = intrinsics.Height + GuardBandPixels - _cy;

        // Each plane is (a, b, c, d), inside where a x + b y + c z + d >= 0. The side planes are u >= -G,
        // u <= W + G, v >= -G, v <= H + G multiplied through by z, which is positive once past the near plane.
        _planes[0] = new Vector4(0, 0, 1, -NearPlane);
        _planes[1] = new Vector4(_fx, 0, _cx + GuardBandPixels, 0);
        _planes[2] = new Vector4(-_fx, 0, right, 0);
        _planes[3] = new Vector4(0, _fy, _cy + GuardBandPixels, 0);
        _planes[4] = new Vector4(0, -_fy, bottom, 0);
    }

    /// <summary>One bit per plane the point lies outside; zero when it can be projected as it is.</summary>
    public int Outcode(Vector3 point)
    {
        var p = new Vector4(point, 1);
        int code = 0;
        for (int i = 0; i < PlaneCount; i++)
        {
            if (Vector4.Dot(_planes[i], p) < 0)
            {
                code |= 1 << i;
            }
        }

        return code;
    }

    /// <summary>Projects a point that is in front of the near plane.</summary>
    public ScreenVertex Project(Vector3 point)
    {
        float inverseDepth = 1 / point.Z;
        float u = (_fx * point.X * inverseDepth) + _cx;
        float v = (_fy * point.Y * inverseDepth) + _cy;
        return new ScreenVertex(
            (long)MathF.Round(u * ScreenVertex.Pixel),
            (long)MathF.Round(v * ScreenVertex.Pixel),
            inverseDepth);
    }

    /// <summary>
    /// Clips triangle (a, b, c) against the planes flagged in <paramref name="planes"/> (an OR of outcodes) and
    /// returns the convex polygon left, in the triangle's winding; fewer than three corners means nothing is left.
    /// The span is only valid until the next call.
    /// </summary>
    public ReadOnlySpan<Vector3> Clip(Vector3 a, Vector3 b, Vector3 c, int planes)
    {
        Vector3[] input = _polygon;
        Vector3[] output = _clipped;
        input[0] = a;
        input[1] = b;
        input[2] = c;
        int count = 3;
        for (int i = 0; i < PlaneCount && count >= 3; i++)
        {
            if ((planes & (1 << i)) == 0)
            {
                continue;
            }

            count = ClipAgainst(_planes[i], input.AsSpan(0, count), output);
            (input, output) = (output, input);
        }

        return input.AsSpan(0, count < 3 ? 0 : count);
    }

    private static int ClipAgainst(Vector4 plane, ReadOnlySpan<Vector3> polygon, Vector3[] output)
    {
        int count = 0;
        Vector3 previous = polygon[^1];
        float previousSide = Vector4.Dot(plane, new Vector4(previous, 1));
        foreach (Vector3 current in polygon)
        {
            float currentSide = Vector4.Dot(plane, new Vector4(current, 1));
            if (currentSide >= 0)
            {
                if (previousSide < 0)
                {
                    output[count++] = Crossing(current, currentSide, previous, previousSide);
                }

                output[count++] = current;
            }
            else if (previousSide >= 0)
            {
                output[count++] = Crossing(previous, previousSide, current, currentSide);
            }

            previous = current;
            previousSide = currentSide;
        }

        return count;
    }

    /// <summary>
    /// Where an edge crosses a plane, always measured from its inside end: the two triangles sharing the edge walk
    /// it in opposite directions, and this way both compute the very same point, so the clipped edge stays shared.
    /// </summary>
    private static Vector3 Crossing(Vector3 inside, float insideSide, Vector3 outside, float outsideSide) =>
        inside + ((outside - inside) * (insideSide / (insideSide - outsideSide)));
}
