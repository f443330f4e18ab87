using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>A Cyclone DDS call failed; carries the return code and what was being done.</summary>
public sealed class DdsException : Exception
{
    /// <summary>Creates an exception for <paramref name="code"/> returned by <paramref name="operation"/>.</summary>
    public DdsException(DdsReturnCode code, string operation)
        : base($"{operation} failed: {Describe(code)} ({(int)code})")
    {
        Code = code;
        Operation = operation;
    }

    /// <summary>The return code.</summary>
    public DdsReturnCode Code { get; }

    /// <summary>What was being done, such as <c>create writer on rt/joint_states</c>.</summary>
    public string Operation { get; }

    /// <summary>The single place a negative Cyclone return code becomes an exception.</summary>
    public static int ThrowIfError(int returnCode, string operation)
    {
        if (returnCode < 0)
        {
            Throw(returnCode, operation);
        }

        return returnCode;
    }

    /// <summary>
    /// As <see cref="ThrowIfError(int, string)"/> for an operation on <paramref name="subject"/>; the two
    /// are joined only when there is an error, so hot paths build no strings.
    /// </summary>
    public static int ThrowIfError(int returnCode, string operation, string subject)
    {
        if (returnCode < 0)
        {
            Throw(returnCode, operation + " " + subject);
        }

        return returnCode;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int returnCode, string operation) => throw new DdsException((DdsReturnCode)returnCode, operation);

    private static unsafe string Describe(DdsReturnCode code)
    {
        try
        {
            return Marshal.PtrToStringUTF8((nint)DdsNative.dds_strretcode((int)code)) ?? code.ToString();
        }
        catch (DdsLibraryNotFoundException)
        {
            return code.ToString();
        }
    }
}
