namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// Pinhole intrinsics as in the <c>K</c> matrix of a ROS <c>sensor_msgs/CameraInfo</c>: a point (x, y, z) in the
/// optical frame lands at the continuous image position <c>u = Fx * x / z + Cx</c>, <c>v = Fy * y / z + Cy</c>.
/// Pixel (u, v) covers [u, u + 1) x [v, v + 1) and is sampled at its centre (u + 0.5, v + 0.5), so the image
/// centre is (Width / 2, Height / 2).
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Fx">Horizontal focal length in pixels.</param>
/// <param name="Fy">Vertical focal length in pixels.</param>
/// <param name="Cx">Principal point, horizontal, in pixels from the left edge of the image.</param>
/// <param name="Cy">Principal point, vertical, in pixels from the top edge of the image.</param>
public sealed record CameraIntrinsics(int Width, int Height, double Fx, double Fy, double Cx, double Cy)
{
    /// <summary>Image width in pixels; positive.</summary>
    public int Width { get; init; } = Width > 0 ? Width : throw new ArgumentOutOfRangeException(nameof(Width), Width, "must be positive");

    /// <summary>Image height in pixels; positive.</summary>
    public int Height { get; init; } = Height > 0 ? Height : throw new ArgumentOutOfRangeException(nameof(Height), Height, "must be positive");

    /// <summary>Horizontal focal length in pixels; positive and finite.</summary>
    public double Fx { get; init; } = double.IsFinite(Fx) && Fx > 0 ? Fx : throw new ArgumentOutOfRangeException(nameof(Fx), Fx, "must be positive and finite");

    /// <summary>Vertical focal length in pixels; positive and finite.</summary>
    public double Fy { get; init; } = double.IsFinite(Fy) && Fy > 0 ? Fy : throw new ArgumentOutOfRangeException(nameof(Fy), Fy, "must be positive and finite");

    /// <summary>Principal point, horizontal, in pixels; finite.</summary>
    public double Cx { get; init; } = double.IsFinite(Cx) ? Cx : throw new ArgumentOutOfRangeException(nameof(Cx), Cx, "must be finite");

    /// <summary>Principal point, vertical, in pixels; finite.</summary>
    public double Cy { get; init; } = double.IsFinite(Cy) ? Cy : throw new ArgumentOutOfRangeException(nameof(Cy), Cy, "must be finite");

    /// <summary>
    /// Intrinsics of an ideal camera with square pixels and the principal point at the image centre
    /// (<c>Cx = width / 2</c>, <c>Cy = height / 2</c>) whose horizontal field of view, edge to edge, is
    /// <paramref name="fovRadians"/>: <c>Fx = Fy = (width / 2) / tan(fov / 2)</c>.
    /// </summary>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="fovRadians">Horizontal field of view, in (0, pi) radians.</param>
    /// <returns>The intrinsics.</returns>
    public static CameraIntrinsics FromHorizontalFieldOfView(int width, int height, double fovRadians)
    {
        if (!(fovRadians > 0 && fovRadians < Math.PI))
        {
            throw new ArgumentOutOfRangeException(nameof(fovRadians), fovRadians, "a pinhole camera's field of view lies in (0, pi) radians");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        double focal = width / 2.0 / Math.Tan(fovRadians / 2);
        return new CameraIntrinsics(width, height, focal, focal, width / 2.0, height / 2.0);
    }
}
