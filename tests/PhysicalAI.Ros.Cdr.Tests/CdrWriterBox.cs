namespace PhysicalAI.Ros.Cdr.Tests;

/// <summary>
/// Lets tests express a sequence of writes as lambdas: a ref struct writer cannot be captured, so the
/// box keeps the buffer and position and rebuilds the writer state for each step.
/// </summary>
internal sealed class CdrWriterBox(byte[] buffer, CdrEndianness endianness)
{
    private readonly List<CdrWriteStep> _steps = [];

    public delegate void CdrWriteStep(ref CdrWriter writer);

    public void Do(CdrWriteStep step) => _steps.Add(step);

    public int Complete(CdrTrailingPadding padding = CdrTrailingPadding.None)
    {
        var writer = new CdrWriter(buffer, endianness);
        foreach (CdrWriteStep step in _steps)
        {
            step(ref writer);
        }

        return writer.Complete(padding);
    }
}
