namespace PhysicalAI.Policy.Imaging;

/// <summary>
/// One camera input of a model, as its policy card describes it: the tensor's size and layout, how frames
/// are fitted to it, and the value mapping — pixel × <see cref="Scale"/>, then (v − mean) / std per RGB channel.
/// </summary>
public sealed record ImageInputSpec
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public ResizeMode Mode { get; init; } = ResizeMode.Stretch;

    public TensorLayout Layout { get; init; } = TensorLayout.Nchw;

    /// <summary>Pixel values are multiplied by this first (1/255 maps 0..255 to 0..1).</summary>
    public double Scale { get; init; } = 1 / 255.0;

    /// <summary>Per-channel mean (R, G, B), after scaling.</summary>
    public IReadOnlyList<double> Mean { get; init; } = [0, 0, 0];

    /// <summary>Per-channel standard deviation (R, G, B), after scaling.</summary>
    public IReadOnlyList<double> Std { get; init; } = [1, 1, 1];

    /// <summary>The pixel value (0..255) padding is filled with.</summary>
    public byte PadValue { get; init; }

    /// <summary>Floats in the tensor: 3 × width × height.</summary>
    public int TensorLength => 3 * Width * Height;
}
