using System.Reflection;
using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// Finds libddsc at run time: the <c>PAI_LIBDDSC</c> override, then a ROS 2 install's copy
/// (<c>/opt/ros/$ROS_DISTRO/lib</c>, so nodes started by <c>ros2 run</c> share ROS's Cyclone), then the
/// system's (Debian's <c>libddsc.so.0debian</c>, Ubuntu 24.04's <c>libddsc.so.0t64</c>, others' <c>libddsc.so.0</c>).
/// </summary>
internal static class DdsLibraryResolver
{
    /// <summary>Environment variable naming the libddsc file to load, ahead of every other place.</summary>
    public const string OverrideVariable = "PAI_LIBDDSC";

    private static readonly string[] SystemNames = ["libddsc.so.0", "libddsc.so.0debian", "libddsc.so.0t64", "libddsc.so"];
    private static readonly Lock Gate = new();
    private static nint _handle;
    private static string? _loadedFrom;
    private static bool _registered;

    /// <summary>The file libddsc was loaded from, once it is loaded.</summary>
    public static string? LoadedFrom => _loadedFrom;

    /// <summary>Installs the resolver for this assembly's P/Invokes (idempotent).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(DdsLibraryResolver).Assembly, Resolve);
                _registered = true;
            }
        }
    }

    /// <summary>Loads libddsc now, or throws <see cref="DdsLibraryNotFoundException"/> saying where it looked and how to install it.</summary>
    public static void EnsureLoaded()
    {
        Register();
        lock (Gate)
        {
            if (_handle != 0)
            {
                return;
            }

            var tried = new List<string>();
            foreach (string candidate in Candidates())
            {
                tried.Add(candidate);
                if (NativeLibrary.TryLoad(candidate, out nint handle))
                {
                    _handle = handle;
                    _loadedFrom = candidate;
                    return;
                }
            }

            throw new DdsLibraryNotFoundException(tried);
        }
    }

    /// <summary>The address of an exported symbol of the loaded library, such as <c>ddsi_sertype_v0</c>.</summary>
    public static nint GetExport(string symbol)
    {
        EnsureLoaded();
        return NativeLibrary.GetExport(_handle, symbol);
    }

    /// <summary>Every file or library name tried, in order.</summary>
    public static IEnumerable<string> Candidates()
    {
        string? overridePath = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            yield return overridePath;
        }

        string? distro = Environment.GetEnvironmentVariable("ROS_DISTRO");
        if (!string.IsNullOrWhiteSpace(distro))
        {
            yield return $"/opt/ros/{distro}/lib/libddsc.so.0";
            yield return $"/opt/ros/{distro}/lib/libddsc.so";
        }

        foreach (string name in SystemNames)
        {
            yield return name;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != DdsNative.Library)
        {
            return 0;
        }

        EnsureLoaded();
        return _handle;
    }
}
