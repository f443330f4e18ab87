using PhysicalAI.Policy;
using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Robot;
using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Evaluation;

/// <summary>
/// Closed-loop evaluation in one process, without DDS: the simulated arm and its front camera as sim_arm
/// runs them, and a policy through <see cref="PolicyRuntime"/> and an <see cref="ActionChunkQueue"/> set up
/// from its card. At each control step (the card's rate) the frame and joint state are taken, a chunk is
/// inferred when the queue asks for a refill, and the next action is applied as a position command the
/// servos track until the next step; joints the policy does not command hold their home position.
/// </summary>
public sealed class InProcessEvaluator
{
    private readonly RobotModel _model;
    private readonly PolicyRuntime _runtime;
    private readonly ReachEvaluationOptions _options;
    private readonly SimCamera _camera;
    private readonly int[] _stateJoints, _actionJoints;
    private readonly double[] _state, _chunk, _action, _command;
    private readonly byte[] _blank;

    public InProcessEvaluator(RobotModel model, PolicyRuntime runtime, ReachEvaluationOptions options)
    {
        (_model, _runtime, _options) = (model, runtime, options);
        PolicyCard card = runtime.Card;
        if (card.Cameras.Count != 1)
        {
            throw new ArgumentException($"policy '{card.Name}' takes {card.Cameras.Count} cameras; the in-process evaluation renders the front camera only");
        }

        _camera = new SimCamera(CameraSpec.FrontCamera, model);
        _stateJoints = [.. card.State.Joints.Select(j => Index(model, j))];
        _actionJoints = [.. card.Actions.Joints.Select(j => Index(model, j))];
        _state = new double[_stateJoints.Length];
        _chunk = new double[runtime.ChunkLength];
        _action = new double[_actionJoints.Length];
        _command = new double[model.ActuatedJoints.Count];
        _blank = new byte[_camera.Image.Length];
    }

    /// <summary>Runs every episode of the options; <paramref name="progress"/> gets each outcome.</summary>
    public EvaluationSummary Run(Action<EpisodeOutcome>? progress = null)
    {
        var outcomes = new List<EpisodeOutcome>();
        for (int i = 0; i < _options.Episodes; i++)
        {
            EpisodeOutcome outcome = RunEpisode(_options.FirstSeed + i);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return new EvaluationSummary(outcomes);
    }

    /// <summary>One episode: the scene of <paramref name="seed"/>, the arm at home, the policy in control until success or the time limit.</summary>
    public EpisodeOutcome RunEpisode(int seed)
    {
        PolicyCard card = _runtime.Card;
        Scene scene = ReachEvaluationEpisodes.Scene(seed);
        SceneCube instructed = ReachEvaluationEpisodes.InstructedCube(scene, _options.Ablation);
        Scene instructedScene = scene with { Target = instructed };
        string instruction = ReachEvaluationEpisodes.Instruction(scene, _options.Ablation);
        var arm = new SimulatedArm(_model);
        double[] home = new double[_model.ActuatedJoints.Count];
        var episode = new Episode(arm, scene, home);
        var shapes = new SceneShapes(scene, _model);
        var queue = new ActionChunkQueue(_actionJoints.Length, 2 * card.Actions.Horizon, card.Actions.Blending, card.Actions.Coefficient, card.Actions.RefillThreshold);
        _runtime.SetInstruction(instruction);
        home.CopyTo(_command, 0);
        int physicsSteps = Math.Max(1, (int)Math.Round(_options.PhysicsRate / card.ControlRate));
        double dt = 1.0 / (card.ControlRate * physicsSteps);
        bool reachedInstructed = false;
        while (!episode.Succeeded && episode.Elapsed < _options.Timeout)
        {
            if (queue.NeedsRefill)
            {
                shapes.Update(arm.LinkPoses);
                _camera.Render(shapes, arm.LinkPoses);
                byte[] frame = _options.Ablation == EvaluationAblation.BlankCamera ? _blank : _camera.Image;
                _runtime.SetImage(0, frame, _camera.Spec.Width, _camera.Spec.Height, _camera.Spec.Width * 3, PixelEncoding.Rgb8);
                for (int j = 0; j < _stateJoints.Length; j++)
                {
                    _state[j] = arm.Positions[_stateJoints[j]];
                }

                _runtime.SetState(_state);
                _runtime.Infer(_chunk);
                queue.Push(_chunk, card.Actions.Horizon, queue.NextStep);
            }

            if (queue.TryPop(_action))
            {
                for (int j = 0; j < _actionJoints.Length; j++)
                {
                    _command[_actionJoints[j]] = _action[j];
                }

                arm.CommandPositions(_command);
            }

            for (int s = 0; s < physicsSteps && !episode.Succeeded; s++)
            {
                episode.Step(dt);
                reachedInstructed |= ReachTask.ToolDistance(instructedScene, episode.ToolTip) <= ReachTask.SuccessRadius;
            }
        }

        return new EpisodeOutcome(seed, scene.Target.Color.Name, instruction, episode.Succeeded, episode.SuccessTime, episode.ToolDistance, reachedInstructed || (episode.Succeeded && instructed == scene.Target));
    }

    private static int Index(RobotModel model, string joint)
    {
        int index = model.ActuatedIndex(joint);
        return index >= 0 ? index : throw new ArgumentException($"the policy uses joint '{joint}', which robot '{model.Name}' does not have (actuated joints: {string.Join(", ", model.ActuatedJointNames)})");
    }
}
