namespace PhysicalAI.Policy.Imaging;

/// <summary>The model's image tensor layout (batch of one).</summary>
public enum TensorLayout
{
    /// <summary>[1, C, H, W].</summary>
    Nchw,

    /// <summary>[1, H, W, C].</summary>
    Nhwc,
}
