namespace PhysicalAI.Sim;

/// <summary>
/// One joint of the simulated arm: a stiff position-controlled servo. It moves toward its position
/// command (or at its velocity command) as fast as its velocity and acceleration limits allow, braking so
/// it stops on the target without overshoot, and never leaves its position limits.
/// </summary>
public sealed class JointServo
{
    private readonly double _min, _max, _maxVelocity, _maxAcceleration;

    /// <summary>A servo within the given limits (infinite values mean unlimited), at <paramref name="position"/>, at rest.</summary>
    public JointServo(double minPosition, double maxPosition, double maxVelocity, double maxAcceleration, double position)
    {
        _min = minPosition;
        _max = maxPosition;
        _maxVelocity = maxVelocity;
        _maxAcceleration = maxAcceleration;
        Position = Math.Clamp(position, minPosition, maxPosition);
        Target = Position;
    }

    /// <summary>Current position (rad or m).</summary>
    public double Position { get; private set; }

    /// <summary>Current velocity.</summary>
    public double Velocity { get; private set; }

    /// <summary>The position being tracked (when not in velocity mode).</summary>
    public double Target { get; private set; }

    /// <summary>The commanded velocity, or null in position mode.</summary>
    public double? VelocityCommand { get; private set; }

    /// <summary>Tracks <paramref name="position"/> (clamped to the limits) from now on.</summary>
    public void CommandPosition(double position)
    {
        Target = Math.Clamp(position, _min, _max);
        VelocityCommand = null;
    }

    /// <summary>Moves at <paramref name="velocity"/> (clamped to the velocity limit) until commanded otherwise.</summary>
    public void CommandVelocity(double velocity) => VelocityCommand = Math.Clamp(velocity, -_maxVelocity, _maxVelocity);

    /// <summary>Puts the joint at <paramref name="position"/>, at rest, tracking it.</summary>
    public void Reset(double position)
    {
        Position = Math.Clamp(position, _min, _max);
        Velocity = 0;
        CommandPosition(Position);
    }

    /// <summary>Advances <paramref name="dt"/> seconds.</summary>
    public void Step(double dt)
    {
        double wanted;
        if (VelocityCommand is { } v)
        {
            wanted = v;

            // Brake in time for the position limits.
            double room = v > 0 ? _max - Position : Position - _min;
            wanted = Math.Sign(v) * Math.Min(Math.Abs(v), StoppingSpeed(Math.Max(0, room), dt));
        }
        else
        {
            double error = Target - Position;
            wanted = Math.Sign(error) * Math.Min(_maxVelocity, StoppingSpeed(Math.Abs(error), dt));
        }

        double dv = Math.Clamp(wanted - Velocity, -_maxAcceleration * dt, _maxAcceleration * dt);
        Velocity += dv;
        double next = Position + (Velocity * dt);
        if (VelocityCommand is null && Math.Abs(Target - next) < 1e-12)
        {
            next = Target;
        }

        if (next <= _min || next >= _max)
        {
            next = Math.Clamp(next, _min, _max);
            Velocity = 0;
        }

        Position = next;
    }

    /// <summary>
    /// The fastest speed for this step from which the joint can still stop within <paramref name="distance"/>,
    /// braking by a·dt per step: step speeds (m + f)·a·dt, (m − 1 + f)·a·dt, …, f·a·dt cover
    /// a·dt²·(m + 1)·(f + m/2), so the last step lands on the target and the next is at rest.
    /// </summary>
    private double StoppingSpeed(double distance, double dt)
    {
        if (double.IsPositiveInfinity(_maxAcceleration))
        {
            return distance / dt;
        }

        double unit = _maxAcceleration * dt * dt;
        double steps = distance / unit;
        double m = Math.Floor((-1 + Math.Sqrt(1 + (8 * steps))) / 2);
        double f = (steps - (m * (m + 1) / 2)) / (m + 1);
        return (m + Math.Clamp(f, 0, 1)) * _maxAcceleration * dt;
    }
}
