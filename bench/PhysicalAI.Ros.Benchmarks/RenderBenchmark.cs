using BenchmarkDotNet.Attributes;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// One 320x240 frame of <see cref="TableTopScene"/> through the software renderer, into a reused buffer.
/// Target: at most 2 ms median, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmark
{
    private readonly SoftwareRenderer _renderer = new(TableTopScene.Camera);
    private readonly byte[] _rgb8 = new byte[TableTopScene.Camera.Width * TableTopScene.Camera.Height * 3];

    /// <summary>The rendered frame, for a look at what was measured.</summary>
    internal byte[] Frame => _rgb8;

    [Benchmark]
    public void RenderTableTopScene() => _renderer.Render(TableTopScene.Shapes, TableTopScene.CameraToWorld, _rgb8);
}
