namespace PhysicalAI.Learning.Demonstrations;

/// <summary>One episode's samples as they are recorded, in buffers sized for the longest episode.</summary>
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

    /// <summary>
    /// A copy holding only the recorded samples. Episodes use a fraction of the longest episode's room,
    /// and a thousand full-size recordings would hold gigabytes until they are gathered; a worker records
    /// every episode into one full-size recording and keeps these.
    /// </summary>
    public EpisodeRecording Trimmed()
    {
        var copy = new EpisodeRecording(imageLength, tokens, joints, horizon, Count) { Count = Count, Summary = Summary };
        Images.AsSpan(0, copy.Images.Length).CopyTo(copy.Images);
        Ids.AsSpan(0, copy.Ids.Length).CopyTo(copy.Ids);
        Masks.AsSpan(0, copy.Masks.Length).CopyTo(copy.Masks);
        States.AsSpan(0, copy.States.Length).CopyTo(copy.States);
        Targets.AsSpan(0, copy.Targets.Length).CopyTo(copy.Targets);
        return copy;
    }
}
