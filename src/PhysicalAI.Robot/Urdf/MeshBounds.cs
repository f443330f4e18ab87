using System.Globalization;
using System.Text;

namespace PhysicalAI.Robot.Urdf;

/// <summary>
/// The axis-aligned bounds of an STL mesh (binary or ASCII), so a mesh visual can be drawn as a box.
/// <c>package://pkg/path</c> is looked for beside the URDF (as <c>path</c> and <c>pkg/path</c>), since no
/// ROS package index is at hand.
/// </summary>
internal static class MeshBounds
{
    public static bool TryRead(string uri, string? directory, out Vector3d min, out Vector3d max, out string? why)
    {
        min = max = default;
        if (Resolve(uri, directory) is not { } path)
        {
            why = directory is null ? "no directory to look in" : "file not found";
            return false;
        }

        if (!path.EndsWith(".stl", StringComparison.OrdinalIgnoreCase))
        {
            why = "only STL meshes are read";
            return false;
        }

        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            bool ok = IsBinary(bytes) ? ReadBinary(bytes, out min, out max) : ReadAscii(bytes, out min, out max);
            why = ok ? null : "no vertices";
            return ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            why = e.Message;
            return false;
        }
    }

    private static string? Resolve(string uri, string? directory)
    {
        if (uri.StartsWith("file://", StringComparison.Ordinal))
        {
            string file = uri["file://".Length..];
            return File.Exists(file) ? file : null;
        }

        if (directory is null)
        {
            return null;
        }

        if (uri.StartsWith("package://", StringComparison.Ordinal))
        {
            string rest = uri["package://".Length..];
            int slash = rest.IndexOf('/');
            string[] candidates = slash < 0 ? [rest] : [rest[(slash + 1)..], rest];
            return candidates.Select(c => Path.Combine(directory, c)).FirstOrDefault(File.Exists);
        }

        string local = Path.Combine(directory, uri);
        return File.Exists(local) ? local : null;
    }

    // Binary STL: 80-byte header, triangle count, 50 bytes per triangle. ASCII ones start with "solid" but
    // so do some binary ones, so the size decides.
    private static bool IsBinary(byte[] bytes) =>
        bytes.Length >= 84 && 84 + (50L * BitConverter.ToUInt32(bytes, 80)) == bytes.Length;

    private static bool ReadBinary(byte[] bytes, out Vector3d min, out Vector3d max)
    {
        var bounds = new Bounds();
        uint count = BitConverter.ToUInt32(bytes, 80);
        for (int t = 0; t < count; t++)
        {
            int offset = 84 + (t * 50) + 12;
            for (int v = 0; v < 3; v++)
            {
                int at = offset + (v * 12);
                bounds.Add(BitConverter.ToSingle(bytes, at), BitConverter.ToSingle(bytes, at + 4), BitConverter.ToSingle(bytes, at + 8));
            }
        }

        return bounds.Result(out min, out max);
    }

    private static bool ReadAscii(byte[] bytes, out Vector3d min, out Vector3d max)
    {
        var bounds = new Bounds();
        foreach (string line in Encoding.ASCII.GetString(bytes).Split('\n'))
        {
            string[] parts = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4 && parts[0] == "vertex")
            {
                bounds.Add(Parse(parts[1]), Parse(parts[2]), Parse(parts[3]));
            }
        }

        return bounds.Result(out min, out max);
    }

    private static double Parse(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private struct Bounds
    {
        private double _minX, _minY, _minZ, _maxX, _maxY, _maxZ;
        private bool _any;

        public void Add(double x, double y, double z)
        {
            if (!_any)
            {
                (_minX, _minY, _minZ, _maxX, _maxY, _maxZ, _any) = (x, y, z, x, y, z, true);
                return;
            }

            _minX = Math.Min(_minX, x); _minY = Math.Min(_minY, y); _minZ = Math.Min(_minZ, z);
            _maxX = Math.Max(_maxX, x); _maxY = Math.Max(_maxY, y); _maxZ = Math.Max(_maxZ, z);
        }

        public readonly bool Result(out Vector3d min, out Vector3d max)
        {
            min = new Vector3d(_minX, _minY, _minZ);
            max = new Vector3d(_maxX, _maxY, _maxZ);
            return _any;
        }
    }
}
