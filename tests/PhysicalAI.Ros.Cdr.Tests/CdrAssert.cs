namespace PhysicalAI.Ros.Cdr.Tests;

/// <summary>
/// Asserts that a read or write throws <see cref="CdrException"/>. The reader and writer are ref structs,
/// which Assert.Throws lambdas cannot capture, so they are passed by ref to a delegate instead.
/// </summary>
internal static class CdrAssert
{
    public delegate void ReadAction(ref CdrReader reader);

    public delegate void WriteAction(ref CdrWriter writer);

    public static CdrException ThrowsOnRead(CdrReader reader, ReadAction action)
    {
        try
        {
            action(ref reader);
        }
        catch (CdrException e)
        {
            return e;
        }

        Assert.Fail("expected a CdrException from the read");
        throw new InvalidOperationException();
    }

    public static CdrException ThrowsOnWrite(int bufferSize, WriteAction action)
    {
        try
        {
            var writer = new CdrWriter(new byte[bufferSize]);
            action(ref writer);
        }
        catch (CdrException e)
        {
            return e;
        }

        Assert.Fail("expected a CdrException from the write");
        throw new InvalidOperationException();
    }
}
