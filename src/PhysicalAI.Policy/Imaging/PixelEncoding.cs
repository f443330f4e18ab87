namespace PhysicalAI.Policy.Imaging;

/// <summary>The sensor_msgs/Image encodings the preprocessor reads.</summary>
public enum PixelEncoding
{
    Rgb8,
    Bgr8,
    Rgba8,
    Bgra8,
    Mono8,
}

/// <summary>ROS encoding names to <see cref="PixelEncoding"/>.</summary>
public static class PixelEncodings
{
    /// <summary>The encoding named <paramref name="ros"/> (as in sensor_msgs/image_encodings.hpp).</summary>
    /// <exception cref="NotSupportedException">Any other encoding; the message lists the supported ones.</exception>
    public static PixelEncoding Parse(string ros) => TryParse(ros, out PixelEncoding encoding) ? encoding
        : throw new NotSupportedException($"image encoding '{ros}' is not supported; use rgb8, bgr8, rgba8, bgra8 or mono8 (image_proc can convert)");

    /// <summary>The encoding named <paramref name="ros"/>; false for one not supported (without allocating, for per-frame use).</summary>
    public static bool TryParse(string ros, out PixelEncoding encoding)
    {
        (bool known, encoding) = ros switch
        {
            "rgb8" => (true, PixelEncoding.Rgb8),
            "bgr8" => (true, PixelEncoding.Bgr8),
            "rgba8" => (true, PixelEncoding.Rgba8),
            "bgra8" => (true, PixelEncoding.Bgra8),
            "mono8" => (true, PixelEncoding.Mono8),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Bytes per pixel.</summary>
    public static int BytesPerPixel(this PixelEncoding encoding) => encoding switch
    {
        PixelEncoding.Rgba8 or PixelEncoding.Bgra8 => 4,
        PixelEncoding.Mono8 => 1,
        _ => 3,
    };
}
