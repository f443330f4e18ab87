using PhysicalAI.Robot.Kinematics;

namespace PhysicalAI.Robot.Tests;

public class KinematicsTests
{
    private static Vector3d PlanarTool(double shoulder, double elbow) =>
        new Vector3d(0, 0, 0.1)
        + (0.3 * new Vector3d(Math.Cos(shoulder), 0, Math.Sin(shoulder)))
        + (0.25 * new Vector3d(Math.Cos(shoulder + elbow), 0, Math.Sin(shoulder + elbow)));

    [TestCase(0.0, 0.0)]
    [TestCase(Math.PI / 2, 0.0)]
    [TestCase(Math.PI / 2, -Math.PI / 2)]
    [TestCase(0.7, -1.9)]
    [TestCase(-0.4, 2.2)]
    public void ForwardKinematics_MatchesTheHandComputedPlanarArm(double shoulder, double elbow)
    {
        RobotModel robot = TestRobots.Parse(TestRobots.Planar);
        var chain = new KinematicChain(robot, "base_link", "tool0");
        Transform3d tool = chain.TipPose([shoulder, elbow]);
        Vector3d expected = PlanarTool(shoulder, elbow);
        var approach = new Vector3d(Math.Cos(shoulder + elbow), 0, Math.Sin(shoulder + elbow));

        var fk = new ForwardKinematics(robot);
        var poses = new Transform3d[robot.Links.Count];
        fk.ComputeLinkPoses([shoulder, elbow], poses);
        Assert.Multiple(() =>
        {
            AssertClose(tool.Translation, expected, 1e-9);
            AssertClose(tool.AxisZ, approach, 1e-7);
            AssertClose(poses[robot.LinkIndex("tool0")].Translation, expected, 1e-9);
            AssertClose(poses[robot.LinkIndex("forearm")].Translation, new Vector3d(0, 0, 0.1) + (0.3 * new Vector3d(Math.Cos(shoulder), 0, Math.Sin(shoulder))), 1e-9);
            AssertClose(poses[robot.LinkIndex("base_link")].Translation, Vector3d.Zero, 0);
        });
    }

    [Test]
    public void XyzRpy_IsFixedAxisRollPitchYaw()
    {
        // Yaw 90° then the x axis points along y; roll 90° first turns y into z.
        Transform3d t = Transform3d.FromXyzRpy(new Vector3d(1, 2, 3), Math.PI / 2, 0, Math.PI / 2);
        Assert.Multiple(() =>
        {
            AssertClose(t.AxisX, new Vector3d(0, 1, 0), 1e-12);
            AssertClose(t.AxisY, new Vector3d(0, 0, 1), 1e-12);
            AssertClose(t.AxisZ, new Vector3d(1, 0, 0), 1e-12);
            AssertClose(t.TransformPoint(new Vector3d(1, 0, 0)), new Vector3d(1, 3, 3), 1e-12);
            AssertClose((t * t.Inverse()).Translation, Vector3d.Zero, 1e-12);
            var (x, y, z, w) = t.ToQuaternion();
            Assert.That(Math.Sqrt((x * x) + (y * y) + (z * z) + (w * w)), Is.EqualTo(1).Within(1e-12));
            Assert.That((x, y, z, w), Is.EqualTo((0.5, 0.5, 0.5, 0.5)).Using<(double, double, double, double)>((a, b) =>
                Math.Abs(a.Item1 - b.Item1) < 1e-12 && Math.Abs(a.Item2 - b.Item2) < 1e-12 && Math.Abs(a.Item3 - b.Item3) < 1e-12 && Math.Abs(a.Item4 - b.Item4) < 1e-12));
        });
    }

    [Test]
    public void MimicJoint_FollowsItsMaster()
    {
        RobotModel robot = TestRobots.Parse(TestRobots.SixAxis);
        var fk = new ForwardKinematics(robot);
        var poses = new Transform3d[robot.Links.Count];
        fk.ComputeLinkPoses([0, 0, 0, 0, 0, 0, 0.02], poses);
        Transform3d l6 = poses[robot.LinkIndex("l6")];
        Vector3d a = l6.Inverse().TransformPoint(poses[robot.LinkIndex("finger_a")].Translation);
        Vector3d b = l6.Inverse().TransformPoint(poses[robot.LinkIndex("finger_b")].Translation);
        AssertClose(a, new Vector3d(0, 0.03, 0.04), 1e-12);
        AssertClose(b, new Vector3d(0, -0.03, 0.04), 1e-12);
    }

    public static IEnumerable<TestCaseData> Robots()
    {
        yield return new TestCaseData("six", (Func<RobotModel>)(() => TestRobots.Parse(TestRobots.SixAxis))).SetArgDisplayNames("six-axis test arm");
        foreach (string file in new[] { "pai_arm.urdf", "so101.urdf" })
        {
            yield return new TestCaseData(file, (Func<RobotModel>)(() => RepositoryRobots.Load(file))).SetArgDisplayNames(file);
        }
    }

    [TestCaseSource(nameof(Robots))]
    public void Jacobian_MatchesFiniteDifferences(string name, Func<RobotModel> load)
    {
        RobotModel robot = load();
        var chain = new KinematicChain(robot, robot.RootLink, "tool0");
        int n = chain.PositionCount;
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] q = RandomPositions(robot, random);
            var jacobian = new double[6 * n];
            Transform3d pose = chain.Jacobian(q, jacobian);
            const double h = 1e-6;
            for (int c = 0; c < n; c++)
            {
                double[] plus = (double[])q.Clone(), minus = (double[])q.Clone();
                plus[c] += h;
                minus[c] -= h;
                Transform3d p = chain.TipPose(plus), m = chain.TipPose(minus);
                Vector3d linear = (p.Translation - m.Translation) / (2 * h);

                // Angular velocity from the rotation change: the skew part of dR · Rᵀ.
                Vector3d angular = AngularRate(m, p, 2 * h, pose);
                Vector3d column = new(jacobian[c], jacobian[n + c], jacobian[(2 * n) + c]);
                Vector3d columnAngular = new(jacobian[(3 * n) + c], jacobian[(4 * n) + c], jacobian[(5 * n) + c]);
                AssertClose(column, linear, 1e-6, $"{name} column {c} ({robot.ActuatedJointNames[c]}) linear, trial {trial}");
                AssertClose(columnAngular, angular, 1e-6, $"{name} column {c} angular, trial {trial}");
            }
        }
    }

    [TestCaseSource(nameof(Robots))]
    public void InverseKinematics_ReachesReachableTargets(string name, Func<RobotModel> load)
    {
        RobotModel robot = load();
        var chain = new KinematicChain(robot, robot.RootLink, "tool0");
        var ik = new InverseKinematics(chain);
        var random = new Random(11);
        int solved = 0;
        const int Trials = 30;
        for (int trial = 0; trial < Trials; trial++)
        {
            // A target known to be reachable: the tool pose at random joint positions.
            double[] truth = RandomPositions(robot, random, margin: 0.25);
            Transform3d target = chain.TipPose(truth);
            IkResult result = ik.Solve(target.Translation, target.AxisZ, new double[chain.PositionCount]);
            if (result.Converged)
            {
                solved++;
                Transform3d reached = chain.TipPose(result.Positions);
                Assert.That((reached.Translation - target.Translation).Length, Is.LessThanOrEqualTo(1e-3));
                Assert.That(Math.Acos(Math.Clamp(Vector3d.Dot(reached.AxisZ, target.AxisZ), -1, 1)), Is.LessThanOrEqualTo(0.02 + 1e-9));
                AssertWithinLimits(robot, result.Positions);
            }
        }

        Assert.That(solved, Is.GreaterThanOrEqualTo(Trials - 1), $"{name}: {solved} of {Trials} reachable targets solved");
    }

    [TestCaseSource(nameof(Robots))]
    public void InverseKinematics_ReportsUnreachableTargets(string name, Func<RobotModel> load)
    {
        RobotModel robot = load();
        var chain = new KinematicChain(robot, robot.RootLink, "tool0");
        IkResult result = new InverseKinematics(chain).Solve(new Vector3d(3, 0, 0.2), null, new double[chain.PositionCount]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Converged, Is.False);
            Assert.That(result.PositionError, Is.GreaterThan(1.5));
            Assert.That(result.Reason, Does.StartWith("out of reach: the tool gets no closer than "));
            AssertWithinLimits(robot, result.Positions);
        });
    }

    [Test]
    public void WrongNumberOfPositions_IsAClearError()
    {
        RobotModel robot = TestRobots.Parse(TestRobots.Planar);
        var chain = new KinematicChain(robot, "base_link", "tool0");
        var e = Assert.Throws<ArgumentException>(() => chain.TipPose([0.1]))!;
        Assert.That(e.Message, Does.Contain("has 2 actuated joints (shoulder, elbow); got 1 positions"));
    }

    internal static double[] RandomPositions(RobotModel robot, Random random, double margin = 0)
    {
        return [.. robot.ActuatedJoints.Select(j =>
        {
            double lo = double.IsFinite(j.Limits.MinPosition) ? j.Limits.MinPosition : -Math.PI;
            double hi = double.IsFinite(j.Limits.MaxPosition) ? j.Limits.MaxPosition : Math.PI;
            double span = hi - lo;
            return lo + (span * margin) + (random.NextDouble() * span * (1 - (2 * margin)));
        })];
    }

    private static void AssertWithinLimits(RobotModel robot, double[] q)
    {
        for (int i = 0; i < q.Length; i++)
        {
            JointLimits l = robot.ActuatedJoints[i].Limits;
            Assert.That(q[i], Is.InRange(l.MinPosition - 1e-12, l.MaxPosition + 1e-12), robot.ActuatedJointNames[i]);
        }
    }

    private static Vector3d AngularRate(Transform3d before, Transform3d after, double dt, Transform3d at)
    {
        // (R(t+h) - R(t-h)) / 2h · Rᵀ(t) = [ω]×
        double[,] d = new double[3, 3];
        double[,] a = Matrix(after), b = Matrix(before), r = Matrix(at);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 3; k++)
                {
                    sum += (a[i, k] - b[i, k]) / dt * r[j, k];
                }

                d[i, j] = sum;
            }
        }

        return new Vector3d((d[2, 1] - d[1, 2]) / 2, (d[0, 2] - d[2, 0]) / 2, (d[1, 0] - d[0, 1]) / 2);

        static double[,] Matrix(Transform3d t) => new[,] { { t.R00, t.R01, t.R02 }, { t.R10, t.R11, t.R12 }, { t.R20, t.R21, t.R22 } };
    }

    internal static void AssertClose(Vector3d actual, Vector3d expected, double tolerance, string? what = null) =>
        Assert.That((actual - expected).Length, Is.LessThanOrEqualTo(tolerance), $"{what} expected {expected}, got {actual}");
}
