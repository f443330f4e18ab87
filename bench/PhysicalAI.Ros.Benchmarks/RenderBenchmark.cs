using BenchmarkDotNet.Attributes;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// One frame of <see cref="DefaultSimScene"/> as sim_arm makes it per camera tick: shapes moved to the
/// current link poses, then rendered into the camera's reused buffer. Target: at most 2 ms median, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmark
{
    private readonly DefaultSimScene _scene = new();

    /// <summary>The scene, for a look at what was measured.</summary>
    internal DefaultSimScene Scene => _scene;

    [Benchmark]
    public void RenderDefaultScene()
    {
        _scene.Shapes.Update(_scene.Arm.LinkPoses);
        _scene.Camera.Render(_scene.Shapes, _scene.Arm.LinkPoses);
    }
}
