namespace PhysicalAI.Robot.Tests;

public class JointLimitsYamlTests
{
    private static RobotModel Planar => TestRobots.Parse(TestRobots.Planar);

    [Test]
    public void Restricting_TakesTheYamlValues()
    {
        RobotModel robot = JointLimitsYaml.Apply(Planar, """
            joint_limits:
              shoulder:
                has_position_limits: true
                min_position: -1.0
                max_position: 1.5
                has_velocity_limits: true
                max_velocity: 1.0
                has_acceleration_limits: true
                max_acceleration: 3.0
                has_deceleration_limits: true
                max_deceleration: 5.0
                has_jerk_limits: true
                max_jerk: 50.0
                has_effort_limits: true
                max_effort: 8.0
                has_soft_limits: true
                soft_lower_limit: -0.9
                soft_upper_limit: 1.4
                k_position: 15.0
                k_velocity: 2.0
            """, "limits.yaml");
        JointLimits l = robot.Joint("shoulder").Limits;
        Assert.Multiple(() =>
        {
            Assert.That((l.MinPosition, l.MaxPosition), Is.EqualTo((-1.0, 1.5)));
            Assert.That((l.HasVelocityLimits, l.MaxVelocity), Is.EqualTo((true, 1.0)));
            Assert.That((l.HasAccelerationLimits, l.MaxAcceleration), Is.EqualTo((true, 3.0)));
            Assert.That((l.HasDecelerationLimits, l.MaxDeceleration, l.EffectiveMaxDeceleration), Is.EqualTo((true, 5.0, 5.0)));
            Assert.That((l.HasJerkLimits, l.MaxJerk), Is.EqualTo((true, 50.0)));
            Assert.That((l.HasEffortLimits, l.MaxEffort), Is.EqualTo((true, 8.0)));
            Assert.That(l.Soft, Is.EqualTo(new SoftJointLimits(-0.9, 1.4, 15, 2)));
            Assert.That(robot.Joint("elbow").Limits, Is.EqualTo(Planar.Joint("elbow").Limits), "joints not in the file keep their URDF limits");
        });
    }

    [Test]
    public void ParamsFileLayout_IsRead()
    {
        RobotModel robot = JointLimitsYaml.Apply(Planar, """
            safety_controller:
              ros__parameters:
                joint_limits:
                  elbow:
                    has_acceleration_limits: true
                    max_acceleration: 6.0
            """, "params.yaml");
        Assert.That(robot.Joint("elbow").Limits.MaxAcceleration, Is.EqualTo(6.0));
    }

    [TestCase("shoulder:\n    has_velocity_limits: true\n    max_velocity: 2.0", "limits.yaml:4: joint_limits.shoulder: max_velocity 2 is above the URDF's 1.5; a limits file may restrict the URDF's limits, not extend them")]
    [TestCase("shoulder:\n    has_velocity_limits: false", "limits.yaml:3: joint_limits.shoulder: the URDF limits its velocity to 1.5; a limits file may restrict the URDF's limits, not extend them")]
    [TestCase("shoulder:\n    has_position_limits: true\n    max_position: 2.5", "limits.yaml:4: joint_limits.shoulder: [-2, 2.5] reaches outside the URDF's [-2, 2]; a limits file may restrict the URDF's limits, not extend them")]
    [TestCase("shoulder:\n    has_soft_limits: false", "limits.yaml:3: joint_limits.shoulder: the URDF sets soft limits (<safety_controller>); a limits file may restrict the URDF's limits, not extend them")]
    [TestCase("wrist:\n    has_velocity_limits: true", "limits.yaml:2: joint 'wrist' is not in robot 'planar' (joints: shoulder, elbow)")]
    [TestCase("shoulder:\n    max_speed: 1.0", "limits.yaml:3: joint_limits.shoulder: unknown key 'max_speed'")]
    [TestCase("shoulder:\n    has_velocity_limits: yes please", "limits.yaml:3: joint_limits.shoulder.has_velocity_limits is 'yes please', not true or false")]
    [TestCase("shoulder:\n    has_velocity_limits: true\n    max_velocity: fast", "limits.yaml:4: joint_limits.shoulder.max_velocity is 'fast', not a finite number")]
    [TestCase("shoulder:\n    max_velocity: 1.0", "limits.yaml:3: joint_limits.shoulder.max_velocity is given without has_velocity_limits: true")]
    [TestCase("elbow:\n    has_jerk_limits: true", "limits.yaml:3: joint_limits.elbow: has_jerk_limits is true but max_jerk is not given")]
    [TestCase("shoulder:\n    has_soft_limits: true\n    soft_lower_limit: -3.0", "joint_limits.shoulder: soft limits [-3, 1.9] reach outside the position limits [-2, 2]")]
    public void Errors_NameFileLineAndJoint(string body, string message)
    {
        string yaml = "joint_limits:\n  " + body + "\n";
        var e = Assert.Throws<JointLimitsException>(() => JointLimitsYaml.Apply(Planar, yaml, "limits.yaml"))!;
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void NoSection_AndBadYaml_AreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<JointLimitsException>(() => JointLimitsYaml.Apply(Planar, "limits:\n  a: 1\n", "l.yaml"))!.Message,
                Is.EqualTo("l.yaml: no 'joint_limits:' section (at the top, or under NODE: ros__parameters:)"));
            Assert.That(Assert.Throws<JointLimitsException>(() => JointLimitsYaml.Apply(Planar, "joint_limits: [1, 2\n", "l.yaml"))!.Message,
                Does.StartWith("l.yaml:").And.Contain("not valid YAML"));
            string missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");
            Assert.That(Assert.Throws<JointLimitsException>(() => JointLimitsYaml.Apply(Planar, missing))!.Message, Does.StartWith($"{missing}: cannot read"));
        });
    }
}
