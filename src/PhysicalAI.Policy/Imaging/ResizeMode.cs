namespace PhysicalAI.Policy.Imaging;

/// <summary>How a camera frame is fitted to the model's input size.</summary>
public enum ResizeMode
{
    /// <summary>Scaled to the size, aspect ratio not kept.</summary>
    Stretch,

    /// <summary>Scaled to fit, aspect kept, the rest filled with the pad value (SmolVLA's 512² padding).</summary>
    PadToSquare,

    /// <summary>Scaled to cover, aspect kept, the overhang cut off evenly.</summary>
    CenterCrop,
}
