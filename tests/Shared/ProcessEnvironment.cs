using System.Diagnostics;

namespace PhysicalAI.Ros.Tests.Shared;

/// <summary>Environment changes for a child process: a null value removes the variable.</summary>
public static class ProcessEnvironment
{
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? environment)
    {
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
    }
}
