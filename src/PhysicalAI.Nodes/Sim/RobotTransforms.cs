using PhysicalAI.Robot;
using PhysicalAI.Ros.Interfaces.GeometryMsgs.Msg;
using PhysicalAI.Ros.Interfaces.Tf2Msgs.Msg;
using PhysicalAI.Sim;

namespace PhysicalAI.Nodes.Sim;

/// <summary>
/// The robot's tf tree as robot_state_publisher sends it: one transform per movable joint on
/// <c>/tf</c> (refilled in place every cycle), and the fixed joints plus each camera's optical frame on
/// <c>/tf_static</c> once.
/// </summary>
internal sealed class RobotTransforms
{
    private readonly (int Parent, int Child)[] _movable;

    public RobotTransforms(RobotModel model, IEnumerable<SimCamera> cameras)
    {
        Joint[] movable = [.. model.Joints.Where(j => j.IsMovable)];
        _movable = [.. movable.Select(j => (model.LinkIndex(j.Parent), model.LinkIndex(j.Child)))];
        Dynamic = new TFMessage { Transforms = [.. movable.Select(j => Frame(j.Parent, j.Child))] };

        var fixedFrames = new List<TransformStamped>();
        foreach (Joint joint in model.Joints.Where(j => !j.IsMovable))
        {
            TransformStamped frame = Frame(joint.Parent, joint.Child);
            Write(joint.Origin, frame.Transform);
            fixedFrames.Add(frame);
        }

        // A URDF that models the optical frame itself already has it in the tree; a second parent would break tf.
        foreach (SimCamera camera in cameras.Where(c => !model.HasLink(c.Spec.OpticalFrameId)))
        {
            TransformStamped frame = Frame(camera.Spec.MountLink, camera.Spec.OpticalFrameId);
            Write(camera.Spec.MountPose * SimCamera.CameraLinkToOptical, frame.Transform);
            fixedFrames.Add(frame);
        }

        Static = new TFMessage { Transforms = [.. fixedFrames] };
    }

    /// <summary>The <c>/tf</c> message; <see cref="Update"/> refills it.</summary>
    public TFMessage Dynamic { get; }

    /// <summary>The <c>/tf_static</c> message.</summary>
    public TFMessage Static { get; }

    /// <summary>Refills <see cref="Dynamic"/> from the link poses, stamped <paramref name="stamp"/>.</summary>
    public void Update(ReadOnlySpan<Transform3d> linkPoses, Ros.Client.Time.RosTime stamp)
    {
        for (int i = 0; i < _movable.Length; i++)
        {
            TransformStamped frame = Dynamic.Transforms[i];
            stamp.CopyTo(frame.Header.Stamp);
            // Relative pose from the two absolute ones: mimic joints and any joint type come out right
            // without repeating the kinematics here.
            Write(linkPoses[_movable[i].Parent].Inverse() * linkPoses[_movable[i].Child], frame.Transform);
        }
    }

    /// <summary>Stamps every static transform with <paramref name="stamp"/>.</summary>
    public void StampStatic(Ros.Client.Time.RosTime stamp)
    {
        foreach (TransformStamped frame in Static.Transforms)
        {
            stamp.CopyTo(frame.Header.Stamp);
        }
    }

    private static TransformStamped Frame(string parent, string child) => new() { Header = { FrameId = parent }, ChildFrameId = child };

    private static void Write(in Transform3d pose, Transform transform)
    {
        transform.Translation.X = pose.Translation.X;
        transform.Translation.Y = pose.Translation.Y;
        transform.Translation.Z = pose.Translation.Z;
        (double x, double y, double z, double w) = pose.ToQuaternion();
        transform.Rotation.X = x;
        transform.Rotation.Y = y;
        transform.Rotation.Z = z;
        transform.Rotation.W = w;
    }
}
