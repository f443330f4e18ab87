namespace PhysicalAI.Sim.Tests;

public class JointServoTests
{
    [TestCase(1.0, 2.0, 8.0)]
    [TestCase(-2.5, 1.0, 3.0)]
    [TestCase(0.05, 3.0, 10.0)]
    public void PositionCommand_ReachesTheTarget_WithinVelocityAndAccelerationLimits_WithoutOvershoot(double target, double vmax, double amax)
    {
        var servo = new JointServo(-3, 3, vmax, amax, 0);
        servo.CommandPosition(target);
        const double dt = 0.001;
        double previousVelocity = 0, time = 0;
        while (servo.Position != target && time < 10)
        {
            servo.Step(dt);
            time += dt;
            Assert.That(Math.Abs(servo.Velocity), Is.LessThanOrEqualTo(vmax + 1e-9));
            Assert.That(Math.Abs(servo.Velocity - previousVelocity), Is.LessThanOrEqualTo((amax * dt) + 1e-9), "acceleration limit");
            Assert.That(Math.Sign(target) * servo.Position, Is.LessThanOrEqualTo(Math.Abs(target) + 1e-12), "no overshoot");
            previousVelocity = servo.Velocity;
        }

        // The step that lands moves at under a·dt; the next one is at rest, on the target.
        servo.Step(dt);

        // A trapezoidal (or triangular) profile takes this long; the servo must be close to optimal.
        double d = Math.Abs(target);
        double optimal = d > vmax * vmax / amax ? (d / vmax) + (vmax / amax) : 2 * Math.Sqrt(d / amax);
        Assert.Multiple(() =>
        {
            Assert.That(servo.Position, Is.EqualTo(target));
            Assert.That(servo.Velocity, Is.Zero);
            Assert.That(time, Is.InRange(optimal - (2 * dt), (optimal * 1.05) + 0.01));
        });
    }

    [Test]
    public void PositionCommands_AreClampedToTheLimits()
    {
        var servo = new JointServo(-1, 1, 2, 8, 0);
        servo.CommandPosition(5);
        Assert.That(servo.Target, Is.EqualTo(1));
    }

    [Test]
    public void VelocityCommand_StopsAtThePositionLimit()
    {
        var servo = new JointServo(-1, 1, 2, 8, 0);
        servo.CommandVelocity(10);
        Assert.That(servo.VelocityCommand, Is.EqualTo(2), "clamped to the velocity limit");
        double peak = 0;
        for (int i = 0; i < 3000; i++)
        {
            servo.Step(0.001);
            peak = Math.Max(peak, servo.Velocity);
            Assert.That(servo.Position, Is.LessThanOrEqualTo(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.EqualTo(2).Within(1e-9));
            Assert.That(servo.Position, Is.EqualTo(1).Within(1e-3));
            Assert.That(servo.Velocity, Is.EqualTo(0).Within(1e-9));
        });
    }
}
