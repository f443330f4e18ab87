using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// What a camera sees where no shape is: sky above the horizon and floor below it, split by the sign of the world z
/// (up) component of each pixel's viewing ray. The horizon is a straight line in the image, so each row is at most
/// one run of floor and one run of sky, copied from prepared rows.
/// </summary>
internal sealed class Backdrop
{
    private readonly CameraIntrinsics _intrinsics;
    private readonly byte[] _skyRow;
    private readonly byte[] _floorRow;

    /// <summary>Prepares the backdrop of one image size.</summary>
    public Backdrop(CameraIntrinsics intrinsics, Rgb sky, Rgb floor)
    {
        _intrinsics = intrinsics;
        _skyRow = Row(intrinsics.Width, sky);
        _floorRow = Row(intrinsics.Width, floor);
    }

    /// <summary>Paints the whole image as seen from an optical frame at <paramref name="cameraToWorld"/>.</summary>
    public void Paint(Span<byte> rgb8, Matrix4x4 cameraToWorld)
    {
        int width = _intrinsics.Width;
        int rowBytes = width * 3;

        // World up component of the ray through pixel centre (u, v): slope * u + offset(v), with the optical
        // ray (x/z, y/z, 1) = ((u + 0.5 - cx) / fx, (v + 0.5 - cy) / fy, 1) rotated by the third column of the pose.
        double slope = cameraToWorld.M13 / _intrinsics.Fx;
        double columnZero = (cameraToWorld.M13 * (0.5 - _intrinsics.Cx) / _intrinsics.Fx) + cameraToWorld.M33;
        for (int v = 0; v < _intrinsics.Height; v++)
        {
            double offset = columnZero + (cameraToWorld.M23 * (v + 0.5 - _intrinsics.Cy) / _intrinsics.Fy);
            Span<byte> row = rgb8.Slice(v * rowBytes, rowBytes);
            if (slope == 0)
            {
                (offset < 0 ? _floorRow : _skyRow).CopyTo(row);
                continue;
            }

            // The ray points down (floor) left of the crossing when the slope is positive, right of it otherwise.
            double crossing = -offset / slope;
            bool floorOnLeft = slope > 0;
            int split = floorOnLeft
                ? (int)Math.Clamp(Math.Ceiling(crossing), 0, width)
                : (int)Math.Clamp(Math.Floor(crossing) + 1, 0, width);
            byte[] left = floorOnLeft ? _floorRow : _skyRow;
            byte[] right = floorOnLeft ? _skyRow : _floorRow;
            left.AsSpan(0, split * 3).CopyTo(row);
            right.AsSpan(split * 3).CopyTo(row[(split * 3)..]);
        }
    }

    private static byte[] Row(int width, Rgb color)
    {
        var row = new byte[width * 3];
        for (int i = 0; i < row.Length; i += 3)
        {
            row[i] = color.R;
            row[i + 1] = color.G;
            row[i + 2] = color.B;
        }

        return row;
    }
}
