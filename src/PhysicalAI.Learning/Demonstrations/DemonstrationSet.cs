namespace PhysicalAI.Learning.Demonstrations;

/// <summary>
/// Recorded demonstration steps, flat: per sample the image tensor exactly as the policy runtime fills its
/// input, the instruction's token ids and mask, the observed joint positions, and the expert's next
/// horizon of absolute joint targets; and which episode each sample came from.
/// </summary>
public sealed class DemonstrationSet
{
    internal DemonstrationSet(int imageLength, int tokens, int joints, int horizon, IReadOnlyList<EpisodeRecording> episodes)
    {
        (ImageLength, Tokens, Joints, Horizon) = (imageLength, tokens, joints, horizon);
        Episodes = [.. episodes.Select(e => e.Summary)];
        Count = episodes.Sum(e => e.Count);
        Images = new float[(long)Count * imageLength];
        Ids = new long[Count * tokens];
        Masks = new long[Count * tokens];
        States = new float[Count * joints];
        Targets = new float[Count * horizon * joints];
        EpisodeOf = new int[Count];
        int at = 0;
        for (int e = 0; e < episodes.Count; e++)
        {
            EpisodeRecording r = episodes[e];
            r.Images.AsSpan(0, r.Count * imageLength).CopyTo(Images.AsSpan(at * imageLength));
            r.Ids.AsSpan(0, r.Count * tokens).CopyTo(Ids.AsSpan(at * tokens));
            r.Masks.AsSpan(0, r.Count * tokens).CopyTo(Masks.AsSpan(at * tokens));
            r.States.AsSpan(0, r.Count * joints).CopyTo(States.AsSpan(at * joints));
            r.Targets.AsSpan(0, r.Count * horizon * joints).CopyTo(Targets.AsSpan(at * horizon * joints));
            EpisodeOf.AsSpan(at, r.Count).Fill(e);
            at += r.Count;
        }
    }

    public int Count { get; }

    public int ImageLength { get; }

    public int Tokens { get; }

    public int Joints { get; }

    public int Horizon { get; }

    public float[] Images { get; }

    public long[] Ids { get; }

    public long[] Masks { get; }

    /// <summary>Observed joint positions, rad.</summary>
    public float[] States { get; }

    /// <summary>The expert's next targets, horizon rows of joints, absolute, rad.</summary>
    public float[] Targets { get; }

    public int[] EpisodeOf { get; }

    public IReadOnlyList<DemonstrationEpisode> Episodes { get; }

    public ReadOnlySpan<float> Image(int sample) => Images.AsSpan(sample * ImageLength, ImageLength);

    public ReadOnlySpan<long> SampleIds(int sample) => Ids.AsSpan(sample * Tokens, Tokens);

    public ReadOnlySpan<long> SampleMask(int sample) => Masks.AsSpan(sample * Tokens, Tokens);

    public ReadOnlySpan<float> State(int sample) => States.AsSpan(sample * Joints, Joints);

    public ReadOnlySpan<float> Target(int sample) => Targets.AsSpan(sample * Horizon * Joints, Horizon * Joints);
}

/// <summary>One demonstrated episode: its scene seed, the target's colour, steps recorded, and whether the expert reached the goal.</summary>
public sealed record DemonstrationEpisode(int Seed, string Color, int Steps, bool Succeeded);
