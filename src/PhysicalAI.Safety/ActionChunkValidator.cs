namespace PhysicalAI.Safety;

/// <summary>
/// Checks an action chunk whole before any of it runs: sizes, finite numbers, times increasing, every point
/// within the position limits, the first point within <see cref="SafetyControllerOptions.MaxStartJump"/> of
/// the present setpoint, and every step's speed within the velocity limits × speed scale — stretching the
/// chunk's timing or rejecting it, as <see cref="SafetyControllerOptions.ChunkTiming"/> says.
/// </summary>
public sealed class ActionChunkValidator(JointNameMap joints, IReadOnlyList<JointSafetyLimits> limits, SafetyControllerOptions options)
{
    /// <summary>
    /// Loads the chunk (<paramref name="timesFromStart"/>, and <paramref name="positions"/> row by row, one value per
    /// name) into <paramref name="chunk"/> starting at <paramref name="now"/> from <paramref name="current"/>
    /// targets. Returns null, or why it was rejected (then <paramref name="chunk"/> is unchanged).
    /// </summary>
    public string? Load(ReadOnlySpan<string> names, ReadOnlySpan<double> timesFromStart, ReadOnlySpan<double> positions,
        ReadOnlySpan<double> current, double speedScale, double now, ActionChunk chunk)
    {
        int points = timesFromStart.Length;
        if (points == 0)
        {
            return "the chunk has no points";
        }

        if (points > chunk.Capacity)
        {
            return $"the chunk has {points} points; at most {chunk.Capacity} are accepted";
        }

        int width = names.Length == 0 ? joints.Count : names.Length;
        if (positions.Length != points * width)
        {
            return $"{positions.Length} positions for {points} points of {width} joints";
        }

        if (joints.TryMap(names, width) is { } mapping)
        {
            return mapping;
        }

        ReadOnlySpan<int> map = joints.Mapped;
        for (int p = 0; p < points; p++)
        {
            double t = timesFromStart[p];
            if (!double.IsFinite(t) || t < 0 || (p > 0 && t <= timesFromStart[p - 1]))
            {
                return $"point {p}: time_from_start {t} s must be finite, non-negative and after the previous point's";
            }

            for (int k = 0; k < width; k++)
            {
                double q = positions[(p * width) + k];
                JointSafetyLimits l = limits[map[k]];
                if (!double.IsFinite(q))
                {
                    return $"point {p}: {l.Name} is {q}";
                }

                if (q < l.MinPosition || q > l.MaxPosition)
                {
                    return $"point {p}: {l.Name} at {q} is outside its position limits [{l.MinPosition}, {l.MaxPosition}]";
                }
            }
        }

        for (int k = 0; k < width; k++)
        {
            double jump = Math.Abs(positions[k] - current[map[k]]);
            if (jump > options.MaxStartJump)
            {
                return $"the first point moves {limits[map[k]].Name} {jump:0.###} from where it is; at most {options.MaxStartJump} is accepted (max_start_jump)";
            }
        }

        // The steps' speeds, from the present targets to the first point too when it is after time 0.
        double scale = 1;
        string? fastest = null;
        for (int p = timesFromStart[0] > 0 ? -1 : 0; p < points - 1; p++)
        {
            double dt = timesFromStart[p + 1] - (p < 0 ? 0 : timesFromStart[p]);
            for (int k = 0; k < width; k++)
            {
                double from = p < 0 ? current[map[k]] : positions[(p * width) + k];
                double speed = Math.Abs(positions[((p + 1) * width) + k] - from) / dt;
                double allowed = limits[map[k]].MaxVelocity * speedScale;
                if (speed > allowed * scale)
                {
                    scale = speed / allowed;
                    fastest = $"{limits[map[k]].Name} needs {speed:0.###} between points {Math.Max(p, 0)} and {p + 1}; its limit is {allowed:0.###}";
                }
            }
        }

        if (scale > 1 && options.ChunkTiming == ChunkTiming.Reject)
        {
            return $"too fast: {fastest}";
        }

        // Accepted: fill every joint's row, holding the ones the chunk leaves out.
        int offset = timesFromStart[0] > 0 ? 1 : 0;
        if (offset == 1)
        {
            chunk.Times[0] = 0;
            current.CopyTo(chunk.Point(0));
        }

        for (int p = 0; p < points; p++)
        {
            chunk.Times[p + offset] = timesFromStart[p] * scale;
            Span<double> row = chunk.Point(p + offset);
            current.CopyTo(row);
            for (int k = 0; k < width; k++)
            {
                row[map[k]] = positions[(p * width) + k];
            }
        }

        chunk.Set(points + offset, now, scale);
        return null;
    }
}
