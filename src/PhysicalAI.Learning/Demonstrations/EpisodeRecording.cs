namespace PhysicalAI.Learning.Demonstrations;

/// <summary>One episode's samples as they are recorded, in growing buffers.</summary>
internal sealed class EpisodeRecording(int imageLength, int tokens, int joints, int horizon, int capacity)
{
    public float[] Images { get; } = new float[capacity * imageLength];

    public long[] Ids { get; } = new long[capacity * tokens];

    public long[] Masks { get; } = new long[capacity * tokens];

    public float[] States { get; } = new float[capacity * joints];

    public float[] Targets { get; } = new float[capacity * horizon * joints];

    public int Count { get; set; }

    public DemonstrationEpisode Summary { get; set; } = new(0, string.Empty, 0, false);

    public Span<float> Image(int sample) => Images.AsSpan(sample * imageLength, imageLength);

    public Span<long> SampleIds(int sample) => Ids.AsSpan(sample * tokens, tokens);

    public Span<long> SampleMask(int sample) => Masks.AsSpan(sample * tokens, tokens);

    public Span<float> State(int sample) => States.AsSpan(sample * joints, joints);

    public Span<float> Target(int sample) => Targets.AsSpan(sample * horizon * joints, horizon * joints);
}
