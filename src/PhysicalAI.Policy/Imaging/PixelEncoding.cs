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
    public static PixelEncoding Parse(string ros) => ros switch
    {
        "rgb8" => PixelEncoding.Rgb8,
        "bgr8" => PixelEncoding.Bgr8,
        "rgba8" => PixelEncoding.Rgba8,
        "bgra8" => PixelEncoding.Bgra8,
        "mono8" => PixelEncoding.Mono8,
        _ => throw new NotSupportedException($"image encoding '{ros}' is not supported; use rgb8, bgr8, rgba8, bgra8 or mono8 (image_proc can convert)"),
    };

    /// <summary>Bytes per pixel.</summary>
    public static int BytesPerPixel(this PixelEncoding encoding) => encoding switch
    {
        PixelEncoding.Rgba8 or PixelEncoding.Bgra8 => 4,
        PixelEncoding.Mono8 => 1,
        _ => 3,
    };
}
