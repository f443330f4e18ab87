using PhysicalAI.Robot.Urdf;

namespace PhysicalAI.Robot.Tests;

public class UrdfParserTests
{
    [Test]
    public void Planar_LinksJointsLimitsAndVisuals()
    {
        RobotModel robot = TestRobots.Parse(TestRobots.Planar);
        Joint shoulder = robot.Joint("shoulder");
        Assert.Multiple(() =>
        {
            Assert.That(robot.Name, Is.EqualTo("planar"));
            Assert.That(robot.RootLink, Is.EqualTo("base_link"));
            Assert.That(robot.ActuatedJointNames, Is.EqualTo(new[] { "shoulder", "elbow" }));
            Assert.That(shoulder.Axis, Is.EqualTo(new Vector3d(0, -1, 0)));
            Assert.That(shoulder.Limits.HasPositionLimits && shoulder.Limits.MinPosition == -2 && shoulder.Limits.MaxPosition == 2, Is.True);
            Assert.That((shoulder.Limits.MaxVelocity, shoulder.Limits.MaxEffort), Is.EqualTo((1.5, 10.0)));
            Assert.That(shoulder.Limits.Soft, Is.EqualTo(new SoftJointLimits(-1.9, 1.9, 20, 1)));
            Assert.That(robot.Joint("elbow").Limits.Soft, Is.Null);
            Assert.That(robot.Link("base_link").Visuals.Single().Color, Is.EqualTo(new Rgba(1, 0.5, 0, 1)), "named top-level material");
            Assert.That(robot.Link("forearm").Visuals.Single().Color, Is.EqualTo(new Rgba(0, 0, 1, 1)), "inline colour");
            Assert.That(robot.Link("upper_arm").Visuals.Single().Geometry, Is.EqualTo(new CylinderGeometry(0.02, 0.3)));
            Assert.That(robot.Link("upper_arm").Visuals.Single().Color, Is.EqualTo(Rgba.Grey), "no material: grey");
            Assert.That(robot.Chain("base_link", "tool0").Select(j => j.Name), Is.EqualTo(new[] { "shoulder", "elbow", "tool" }));
            Assert.That(robot.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Mimic_And_Continuous()
    {
        RobotModel robot = TestRobots.Parse(TestRobots.SixAxis);
        Assert.Multiple(() =>
        {
            Assert.That(robot.ActuatedJointNames, Is.EqualTo(new[] { "j1", "j2", "j3", "j4", "j5", "j6", "grip" }));
            Assert.That(robot.Joint("grip_mimic").Mimic, Is.EqualTo(new JointMimic("grip", 1, 0)));
            Assert.That(robot.Joint("j6").Limits.HasPositionLimits, Is.False);
            Assert.That(robot.Joint("j6").Limits.AngleWraparound, Is.True);
        });
    }

    private static UrdfException Rejected(string urdf) => Assert.Throws<UrdfException>(() => UrdfParser.Parse(urdf, "bad.urdf"))!;

    private const string Two = """
        <robot name="r">
          <link name="a"/>
          <link name="b"/>
          JOINT
        </robot>
        """;

    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"c\"/><limit lower=\"0\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <child>: joint 'j' names child link 'c', which does not exist")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><child link=\"b\"/><limit lower=\"0\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <joint name=\"j\">: joint 'j' has no <parent>")]
    [TestCase("<joint name=\"j\" type=\"hinge\"><parent link=\"a\"/><child link=\"b\"/></joint>",
        "bad.urdf:4: <joint name=\"j\">: joint 'j' has unknown type 'hinge' (revolute, continuous, prismatic, fixed)")]
    [TestCase("<joint name=\"j\" type=\"floating\"><parent link=\"a\"/><child link=\"b\"/></joint>",
        "bad.urdf:4: <joint name=\"j\">: joint 'j' has type 'floating', which an arm model does not support (use revolute, continuous, prismatic or fixed)")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/><origin xyz=\"0 0 abc\"/><limit lower=\"0\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <origin>: 'xyz' has 'abc', which is not a finite number")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/></joint>",
        "bad.urdf:4: <joint name=\"j\">: revolute joint 'j' has no <limit> (URDF requires lower, upper, effort and velocity for it)")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/><limit lower=\"1\" upper=\"0\" effort=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <limit>: joint 'j' has lower limit 1 above upper limit 0")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/><axis xyz=\"0 0 0\"/><limit lower=\"0\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <axis>: joint 'j' has a zero axis")]
    [TestCase("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/><limit lower=\"0\" upper=\"1\" velocity=\"1\"/></joint>",
        "bad.urdf:4: <limit>: <limit> has no 'effort'")]
    [TestCase("",
        "bad.urdf:1: <robot name=\"r\">: the links form 2 separate trees (roots: a, b); connect them with joints")]
    public void Errors_NameFileLineAndElement(string joint, string message)
    {
        Assert.That(Rejected(Two.Replace("JOINT", joint, StringComparison.Ordinal)).Message, Is.EqualTo(message));
    }

    [Test]
    public void MissingChildLink_Cycle_AndSelfLoop_AreNamed()
    {
        string urdf = """
            <robot name="r">
              <link name="root"/><link name="a"/><link name="b"/>
              <joint name="ra" type="fixed"><parent link="root"/><child link="a"/></joint>
              <joint name="x" type="fixed"><parent link="b"/><child link="a2"/></joint>
            </robot>
            """;
        Assert.That(Rejected(urdf).Message, Is.EqualTo("bad.urdf:4: <child>: joint 'x' names child link 'a2', which does not exist"));
        string cycle = """
            <robot name="r">
              <link name="root"/><link name="a"/><link name="b"/>
              <joint name="ra" type="fixed"><parent link="root"/><child link="a"/></joint>
              <joint name="ab" type="fixed"><parent link="a"/><child link="b"/></joint>
              <joint name="ba" type="fixed"><parent link="b"/><child link="root"/></joint>
            </robot>
            """;
        Assert.That(Rejected(cycle).Message, Is.EqualTo("bad.urdf:3: <joint name=\"ra\">: the joints form a cycle: every link has a parent, so there is no root link"));
        string island = """
            <robot name="r">
              <link name="root"/><link name="a"/><link name="b"/>
              <joint name="ra" type="fixed"><parent link="root"/><child link="a"/></joint>
              <joint name="ab" type="fixed"><parent link="b"/><child link="b"/></joint>
            </robot>
            """;
        Assert.That(Rejected(island).Message, Is.EqualTo("bad.urdf:4: <joint name=\"ab\">: joint 'ab' has link 'b' as both parent and child"));
    }

    [Test]
    public void TwoParents_AndDuplicates_AreRejected()
    {
        string twoParents = """
            <robot name="r">
              <link name="a"/><link name="b"/><link name="c"/>
              <joint name="ac" type="fixed"><parent link="a"/><child link="c"/></joint>
              <joint name="bc" type="fixed"><parent link="b"/><child link="c"/></joint>
            </robot>
            """;
        Assert.That(Rejected(twoParents).Message, Is.EqualTo("bad.urdf:4: <joint name=\"bc\">: link 'c' already has parent joint 'ac'; a link has one parent in a URDF tree"));
        Assert.That(Rejected("<robot name=\"r\">\n<link name=\"a\"/>\n<link name=\"a\"/>\n</robot>").Message,
            Is.EqualTo("bad.urdf:3: <link name=\"a\">: a second link named 'a' (the first is on line 2)"));
        Assert.That(Rejected("<robot name=\"r\"><link name=\"a\"").Message, Does.StartWith("bad.urdf:1: not well-formed XML"));
        Assert.That(Rejected("<robut name=\"r\"/>").Message, Is.EqualTo("bad.urdf:1: <robut name=\"r\">: the root element is <robut>, not <robot>"));
    }

    [Test]
    public void MissingFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.urdf");
        Assert.That(Assert.Throws<UrdfException>(() => UrdfParser.Load(path))!.Message, Does.StartWith($"{path}: cannot read the URDF"));
    }

    [Test]
    public void MeshVisual_IsItsStlBoundingBox_OrTheCollisionPrimitive_WithAWarning()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"urdf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "meshes"));
        try
        {
            WriteBinaryStl(Path.Combine(dir, "meshes", "part.stl"), [new(-0.01, -0.02, 0), new(0.03, 0.02, 0.1), new(0, 0, 0.05)]);
            string urdf = """
                <robot name="m">
                  <link name="a">
                    <visual><origin xyz="0 0 0.5"/><geometry><mesh filename="package://m_description/meshes/part.stl" scale="2 2 2"/></geometry></visual>
                  </link>
                  <link name="b">
                    <visual><geometry><mesh filename="meshes/absent.dae"/></geometry></visual>
                    <collision><origin xyz="0 0 0.1"/><geometry><cylinder radius="0.02" length="0.2"/></geometry></collision>
                  </link>
                  <link name="c"><visual><geometry><mesh filename="nowhere.stl"/></geometry></visual></link>
                  <joint name="ab" type="fixed"><parent link="a"/><child link="b"/></joint>
                  <joint name="bc" type="fixed"><parent link="b"/><child link="c"/></joint>
                </robot>
                """;
            File.WriteAllText(Path.Combine(dir, "m.urdf"), urdf);
            RobotModel robot = UrdfParser.Load(Path.Combine(dir, "m.urdf"));
            Visual box = robot.Link("a").Visuals.Single();
            Assert.Multiple(() =>
            {
                Assert.That(box.Geometry, Is.TypeOf<BoxGeometry>());
                var size = ((BoxGeometry)box.Geometry).Size;
                Assert.That(size.X, Is.EqualTo(0.08).Within(1e-6));
                Assert.That(size.Y, Is.EqualTo(0.08).Within(1e-6));
                Assert.That(size.Z, Is.EqualTo(0.2).Within(1e-6));
                Assert.That(box.Origin.Translation.Z, Is.EqualTo(0.5 + 0.1).Within(1e-6), "the box sits at the scaled mesh's centre");
                Assert.That(box.Origin.Translation.X, Is.EqualTo(0.02).Within(1e-6));
                Assert.That(robot.Link("b").Visuals.Single().Geometry, Is.EqualTo(new CylinderGeometry(0.02, 0.2)));
                Assert.That(robot.Link("b").Visuals.Single().Origin.Translation.Z, Is.EqualTo(0.1).Within(1e-9));
                Assert.That(robot.Link("c").Visuals, Is.Empty);
                Assert.That(robot.Warnings, Has.Count.EqualTo(3));
                Assert.That(robot.Warnings[0], Does.Contain("m.urdf:3: link 'a': mesh 'package://m_description/meshes/part.stl' is drawn as its bounding box"));
                Assert.That(robot.Warnings[1], Does.Contain("link 'b': mesh 'meshes/absent.dae' cannot be read (file not found); drawing its collision cylinder"));
                Assert.That(robot.Warnings[2], Does.Contain("link 'c': mesh 'nowhere.stl' cannot be read (file not found) and the link has no collision primitive; it is not drawn"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void WriteBinaryStl(string path, Vector3d[] vertices)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(new byte[80]);
        writer.Write((uint)1);
        writer.Write(new byte[12]);
        foreach (Vector3d v in vertices)
        {
            writer.Write((float)v.X);
            writer.Write((float)v.Y);
            writer.Write((float)v.Z);
        }

        writer.Write((ushort)0);
    }
}
