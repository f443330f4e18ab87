using BenchmarkDotNet.Attributes;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Kinematics;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// Forward kinematics of pai_arm: the tool pose through its six revolute joints (target: at most 1 µs
/// median, 0 B), and, for scale, every link's pose as the simulation computes it each physics step.
/// </summary>
[MemoryDiagnoser]
public class KinematicsBenchmark
{
    private readonly DefaultSimScene _scene = new();
    private readonly KinematicChain _chain;
    private readonly ForwardKinematics _fk;
    private readonly Transform3d[] _poses;

    public KinematicsBenchmark()
    {
        _chain = new KinematicChain(_scene.Robot, _scene.Robot.RootLink, "tool0");
        _fk = new ForwardKinematics(_scene.Robot);
        _poses = new Transform3d[_scene.Robot.Links.Count];
    }

    /// <summary>Revolute joints between the base and the tool.</summary>
    internal int ChainJoints => _scene.Robot.Chain(_scene.Robot.RootLink, "tool0").Count(j => j.IsMovable);

    /// <summary>Links of the robot.</summary>
    internal int LinkCount => _scene.Robot.Links.Count;

    [Benchmark]
    public Transform3d ToolPose() => _chain.TipPose(_scene.Positions);

    [Benchmark]
    public Transform3d AllLinkPoses()
    {
        _fk.ComputeLinkPoses(_scene.Positions, _poses);
        return _poses[^1];
    }
}
