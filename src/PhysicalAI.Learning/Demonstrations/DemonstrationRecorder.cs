using PhysicalAI.Learning.Reach;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Language;
using PhysicalAI.Robot;
using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Demonstrations;

/// <summary>
/// Records the scripted expert solving seeded scenes at the policy's control rate, with the arm simulated
/// as sim_arm simulates it (servos integrated at the physics rate, position commands held between control
/// steps) and the front camera rendered as sim_arm renders it (320x240 rgb8), then preprocessed by the
/// same <see cref="ImagePreprocessor"/> and card settings the policy runtime uses. Each step records the
/// frame, a phrasing of the instruction, the joint state and the expert's next chunk from that state; the
/// command executed is the chunk's first row plus noise, and half the episodes start off home.
/// </summary>
public sealed class DemonstrationRecorder(RobotModel model, ReachPolicyArchitecture architecture, DemonstrationOptions options)
{
    /// <summary>Records every episode of the options (in parallel, in seed order in the result); <paramref name="progress"/> gets the count done.</summary>
    public DemonstrationSet Record(Action<int>? progress = null)
    {
        var recordings = new EpisodeRecording[options.Episodes];
        int done = 0;
        Parallel.For(
            0,
            options.Workers,
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers },
            worker =>
            {
                var episodeWorker = new Worker(model, architecture, options);
                for (int e = worker; e < options.Episodes; e += options.Workers)
                {
                    recordings[e] = episodeWorker.Record(options.FirstSeed + e);
                    progress?.Invoke(Interlocked.Increment(ref done));
                }
            });

        return new DemonstrationSet(architecture.ImageLength, architecture.MaxTokens, architecture.StateLength, architecture.Horizon, recordings);
    }

    /// <summary>One worker's simulator, camera and buffers.</summary>
    private sealed class Worker
    {
        private readonly RobotModel _model;
        private readonly ReachPolicyArchitecture _architecture;
        private readonly DemonstrationOptions _options;
        private readonly SimCamera _camera;
        private readonly ImagePreprocessor _preprocessor;
        private readonly WordVocabularyTokenizer _tokenizer;
        private readonly int[] _joints;
        private readonly double[] _chunk;
        private readonly double[] _command;
        private readonly EpisodeRecording _recording;

        public Worker(RobotModel model, ReachPolicyArchitecture architecture, DemonstrationOptions options)
        {
            (_model, _architecture, _options) = (model, architecture, options);
            _camera = new SimCamera(CameraSpec.FrontCamera, model);
            _preprocessor = new ImagePreprocessor(architecture.ImageSpec);
            _tokenizer = InstructionPhrasings.Tokenizer();
            _joints = [.. architecture.Joints.Select(model.ActuatedIndex)];
            if (_joints.Contains(-1))
            {
                throw new ArgumentException($"robot '{model.Name}' lacks joints the policy uses ({string.Join(", ", architecture.Joints)})");
            }

            _chunk = new double[architecture.ActionLength];
            _command = new double[model.ActuatedJoints.Count];
            _recording = new EpisodeRecording(architecture.ImageLength, architecture.MaxTokens, architecture.StateLength, architecture.Horizon, options.MaxSteps);
        }

        public EpisodeRecording Record(int seed)
        {
            EpisodeRecording recording = _recording;
            recording.Count = 0;
            var random = new Random(unchecked((seed * 7919) + _options.Seed));
            Scene scene = new SceneLayout().Generate(seed);
            var arm = new SimulatedArm(_model);
            double[] home = new double[_model.ActuatedJoints.Count];

            // Planned from home, whatever the start: the same scene always has the same solution.
            arm.Reset(home);
            var expert = new ScriptedExpert(arm) { MaxJointStep = _options.ExpertJointStep };
            if (!expert.Plan(scene))
            {
                recording.Summary = new DemonstrationEpisode(seed, scene.Target.Color.Name, 0, false);
                return recording.Trimmed();
            }

            double[] start = (double[])home.Clone();
            if (random.NextDouble() < _options.PerturbedStartFraction)
            {
                foreach (int j in _joints)
                {
                    start[j] += _options.StartPerturbation * ((2 * random.NextDouble()) - 1);
                }
            }

            var episode = new Episode(arm, scene, start);
            var chunks = new ExpertChunks(expert);
            var shapes = new SceneShapes(scene, _model);
            double noise = _options.ActionNoise * random.NextDouble();
            int physicsSteps = (int)Math.Round(_options.PhysicsRate / _architecture.ControlRate);
            double dt = 1.0 / _options.PhysicsRate;
            int afterSuccess = 0;
            while (recording.Count < _options.MaxSteps && afterSuccess <= _options.StepsAfterSuccess)
            {
                int n = recording.Count;
                shapes.Update(arm.LinkPoses);
                _camera.Render(shapes, arm.LinkPoses);
                _preprocessor.Process(_camera.Image, _camera.Spec.Width, _camera.Spec.Height, _camera.Spec.Width * 3, PixelEncoding.Rgb8, recording.Image(n));
                string instruction = InstructionPhrasings.Phrase(random.Next(InstructionPhrasings.Templates.Count), scene.Target.Color);
                _tokenizer.Encode(instruction, recording.SampleIds(n), recording.SampleMask(n));
                Span<float> state = recording.State(n);
                for (int j = 0; j < _joints.Length; j++)
                {
                    state[j] = (float)arm.Positions[_joints[j]];
                }

                chunks.Next(arm.Positions, _architecture.Horizon, _joints, _chunk);
                Span<float> target = recording.Target(n);
                for (int i = 0; i < _chunk.Length; i++)
                {
                    target[i] = (float)_chunk[i];
                }

                recording.Count++;
                arm.Positions.CopyTo(_command);
                for (int j = 0; j < _joints.Length; j++)
                {
                    _command[_joints[j]] = _chunk[j] + (noise * Gaussian(random));
                }

                arm.CommandPositions(_command);
                for (int s = 0; s < physicsSteps; s++)
                {
                    episode.Step(dt);
                }

                if (episode.Succeeded)
                {
                    afterSuccess++;
                }
            }

            recording.Summary = new DemonstrationEpisode(seed, scene.Target.Color.Name, recording.Count, episode.Succeeded);
            return recording.Trimmed();
        }

        private static double Gaussian(Random random) =>
            Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
