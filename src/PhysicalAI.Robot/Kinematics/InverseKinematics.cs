using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace PhysicalAI.Robot.Kinematics;

/// <summary>
/// Damped-least-squares inverse kinematics for a tool position and, optionally, its approach direction
/// (the tool's z axis): Δq = Jᵀ(JJᵀ + λ²I)⁻¹e, iterated within the joint limits (the soft limits where a
/// joint has them). Pointing the approach axis leaves the roll about it free, so a 5-joint arm such as
/// the SO-101 can solve "above the cube, pointing down". Unreachable targets come back not converged,
/// with the remaining error and the reason.
/// </summary>
public sealed class InverseKinematics
{
    private readonly KinematicChain _chain;
    private readonly double[] _lower;
    private readonly double[] _upper;

    /// <summary>Solves for the tip of <paramref name="chain"/>.</summary>
    public InverseKinematics(KinematicChain chain, IkOptions? options = null)
    {
        _chain = chain;
        Options = options ?? new IkOptions();
        int n = chain.PositionCount;
        _lower = new double[n];
        _upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            JointLimits limits = chain.Model.ActuatedJoints[i].Limits;
            _lower[i] = limits.Soft?.MinPosition ?? limits.MinPosition;
            _upper[i] = limits.Soft?.MaxPosition ?? limits.MaxPosition;
        }
    }

    /// <summary>Tolerances and step sizes.</summary>
    public IkOptions Options { get; }

    /// <summary>
    /// Joint positions that put the tip at <paramref name="position"/> (base frame) with its z axis along
    /// <paramref name="approach"/> when given, starting from <paramref name="seed"/> and then from a few
    /// fixed restarts. Joints off the chain keep their seed values.
    /// </summary>
    public IkResult Solve(Vector3d position, Vector3d? approach, ReadOnlySpan<double> seed)
    {
        Vector3d? direction = approach?.Normalized();
        IkResult best = Iterate(position, direction, Clamp(seed.ToArray()));
        var random = new Random(12345);
        for (int restart = 0; restart < Options.Restarts && !best.Converged; restart++)
        {
            double[] start = seed.ToArray();
            for (int i = 0; i < start.Length; i++)
            {
                double lo = double.IsFinite(_lower[i]) ? _lower[i] : -Math.PI;
                double hi = double.IsFinite(_upper[i]) ? _upper[i] : Math.PI;
                start[i] = restart == 0 ? (lo + hi) / 2 : lo + (random.NextDouble() * (hi - lo));
            }

            IkResult attempt = Iterate(position, direction, start);
            if (attempt.Converged || attempt.PositionError < best.PositionError)
            {
                best = attempt;
            }
        }

        return best;
    }

    private IkResult Iterate(Vector3d target, Vector3d? approach, double[] q)
    {
        int n = q.Length;
        int rows = approach is null ? 3 : 5;
        var jacobian = new double[6 * n];
        Matrix<double> task = Matrix<double>.Build.Dense(rows, n);
        Vector<double> error = Vector<double>.Build.Dense(rows);
        Matrix<double> damping = Matrix<double>.Build.DenseIdentity(rows) * (Options.Damping * Options.Damping);
        double positionError = double.PositiveInfinity, approachError = 0;
        for (int iteration = 1; iteration <= Options.MaxIterations; iteration++)
        {
            Transform3d tip = _chain.Jacobian(q, jacobian);
            Vector3d dp = target - tip.Translation;
            positionError = dp.Length;
            Vector3d rotation = Vector3d.Zero;
            if (approach is { } want)
            {
                Vector3d have = tip.AxisZ;
                double cos = Math.Clamp(Vector3d.Dot(have, want), -1, 1);
                approachError = Math.Acos(cos);
                Vector3d axis = Vector3d.Cross(have, want);
                rotation = axis.Length > 1e-12 ? axis.Normalized() * approachError : (cos < 0 ? tip.AxisX * Math.PI : Vector3d.Zero);
            }

            if (positionError <= Options.PositionTolerance && approachError <= Options.ApproachTolerance)
            {
                return new IkResult(true, q, positionError, approachError, iteration, null);
            }

            error[0] = dp.X;
            error[1] = dp.Y;
            error[2] = dp.Z;
            for (int c = 0; c < n; c++)
            {
                task[0, c] = jacobian[c];
                task[1, c] = jacobian[n + c];
                task[2, c] = jacobian[(2 * n) + c];
            }

            if (approach is not null)
            {
                // Only the two rotations that tilt the approach axis: roll about it stays free.
                Vector3d ex = tip.AxisX, ey = tip.AxisY;
                double w = Options.OrientationWeight;
                error[3] = w * Vector3d.Dot(ex, rotation);
                error[4] = w * Vector3d.Dot(ey, rotation);
                for (int c = 0; c < n; c++)
                {
                    var omega = new Vector3d(jacobian[(3 * n) + c], jacobian[(4 * n) + c], jacobian[(5 * n) + c]);
                    task[3, c] = w * Vector3d.Dot(ex, omega);
                    task[4, c] = w * Vector3d.Dot(ey, omega);
                }
            }

            Vector<double> dq = task.TransposeThisAndMultiply((task.TransposeAndMultiply(task) + damping).Solve(error));
            double largest = dq.AbsoluteMaximum();
            double scale = largest > Options.MaxStep ? Options.MaxStep / largest : 1;
            for (int i = 0; i < n; i++)
            {
                q[i] = Math.Clamp(q[i] + (scale * dq[i]), _lower[i], _upper[i]);
            }
        }

        string reason = positionError > Options.PositionTolerance
            ? string.Create(CultureInfo.InvariantCulture, $"out of reach: the tool gets no closer than {positionError:0.###} m to the target within the joint limits")
            : string.Create(CultureInfo.InvariantCulture, $"the tool cannot point along the approach there: off by {approachError * 180 / Math.PI:0.#} degrees");
        return new IkResult(false, q, positionError, approachError, Options.MaxIterations, reason);
    }

    private double[] Clamp(double[] q)
    {
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = Math.Clamp(q[i], _lower[i], _upper[i]);
        }

        return q;
    }
}
