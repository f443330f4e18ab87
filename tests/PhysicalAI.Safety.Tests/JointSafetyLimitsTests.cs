using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Safety.Tests;

public class JointSafetyLimitsTests
{
    private static RobotModel PaiArm() => UrdfParser.Load(Path.Combine(RepositoryRoot.Path, "urdf", "pai_arm.urdf"));

    [Test]
    public void SoftLimits_ComeFromTheSafetyController_OrAMarginOfAtMostATenthOfTheRange()
    {
        RobotModel robot = PaiArm();
        JointSafetyLimits joint2 = JointSafetyLimits.FromJoint(robot.Joint("joint_2"), new SafetyDefaults());
        JointSafetyLimits finger = JointSafetyLimits.FromJoint(robot.Joint("gripper_finger_left"), new SafetyDefaults());
        Assert.Multiple(() =>
        {
            Assert.That((joint2.SoftMinPosition, joint2.SoftMaxPosition), Is.EqualTo((-1.521, 1.869)), "from the URDF's <safety_controller>");
            Assert.That((joint2.MaxVelocity, joint2.MaxAcceleration, joint2.MaxJerk), Is.EqualTo((1.5, 5.0, 100.0)), "URDF velocity, default acceleration and jerk");
            Assert.That((finger.SoftMinPosition, finger.SoftMaxPosition), Is.EqualTo((0.003, 0.027)).Within(1e-12), "3 cm finger: 3 mm margin");
        });
    }

    [Test]
    public void AJointWithoutAVelocityLimit_IsRefusedByName()
    {
        var joint = new Joint { Name = "free", Type = JointType.Continuous, Parent = "a", Child = "b" };
        Assert.That(() => JointSafetyLimits.FromJoint(joint, new SafetyDefaults()),
            Throws.ArgumentException.With.Message.EqualTo("joint 'free' has no velocity limit; the safety controller needs one (URDF <limit velocity=...> or joint_limits YAML)"));
    }
}
