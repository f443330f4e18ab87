using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Learning.Reach;

/// <summary>
/// The sizes of the reference reach policy: the camera image it sees, its convolutional keypoint encoder,
/// the instruction's token embedding, the joint state, the fusion MLP and the action chunk it predicts.
/// </summary>
public sealed record ReachPolicyArchitecture
{
    /// <summary>Image input width, px (the 320x240 camera frame is stretched to it).</summary>
    public int ImageWidth { get; init; } = 64;

    /// <summary>Image input height, px.</summary>
    public int ImageHeight { get; init; } = 48;

    /// <summary>Channels of the first convolution (5x5, stride 2).</summary>
    public int Conv1Channels { get; init; } = 16;

    /// <summary>Channels of the second convolution (3x3).</summary>
    public int Conv2Channels { get; init; } = 16;

    /// <summary>Keypoint maps (1x1 convolution), each reduced to an expected (x, y) by the spatial softmax.</summary>
    public int Keypoints { get; init; } = 16;

    /// <summary>Keypoint maps whose 1x1 weights the instruction's embedding sets: where the named cube is.</summary>
    public int InstructedKeypoints { get; init; } = 2;

    /// <summary>Instruction tokens, with end-of-sequence and padding.</summary>
    public int MaxTokens { get; init; } = 8;

    /// <summary>Size of a token embedding.</summary>
    public int EmbeddingDimensions { get; init; } = 16;

    /// <summary>Units of each of the two hidden layers of the fusion MLP.</summary>
    public int Hidden { get; init; } = 256;

    /// <summary>Actions per chunk.</summary>
    public int Horizon { get; init; } = 10;

    /// <summary>The joints observed and commanded, in model order.</summary>
    public IReadOnlyList<string> Joints { get; init; } = ["joint_1", "joint_2", "joint_3", "joint_4", "joint_5", "joint_6"];

    /// <summary>Actions per second the policy is trained and run at, Hz.</summary>
    public double ControlRate { get; init; } = 10;

    /// <summary>How a camera frame becomes the image input, for the demonstrations and the card alike: stretched, NCHW, (v/255 − 0.5) / 0.25.</summary>
    public ImageInputSpec ImageSpec => new()
    {
        Width = ImageWidth,
        Height = ImageHeight,
        Mode = ResizeMode.Stretch,
        Layout = TensorLayout.Nchw,
        Scale = 1 / 255.0,
        Mean = [0.5, 0.5, 0.5],
        Std = [0.25, 0.25, 0.25],
    };

    public int ImageLength => 3 * ImageWidth * ImageHeight;

    public int StateLength => Joints.Count;

    public int ActionLength => Horizon * Joints.Count;
}
