using PhysicalAI.Learning.Demonstrations;
using PhysicalAI.Learning.Export;
using PhysicalAI.Learning.Reach;
using PhysicalAI.Learning.Training;
using PhysicalAI.Policy;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Tests;

/// <summary>
/// Demonstrations, a short training run and the export, end to end at the shipped architecture: the
/// exported graph run by ONNX Runtime through the card must give the chunk the C# network gives.
/// </summary>
public class PipelineTests
{
    private static readonly ReachPolicyArchitecture Architecture = new();
    private static RobotModel _robot = null!;
    private static DemonstrationSet _data = null!;
    private static DemonstrationOptions _options = null!;

    [OneTimeSetUp]
    public static void Record()
    {
        _robot = UrdfParser.Load(Path.Combine(RepositoryRoot.Path, "urdf", "pai_arm.urdf"));
        _options = new DemonstrationOptions { FirstSeed = 5000, Episodes = 6, Seed = 1, PerturbedStartFraction = 0 };
        _data = new DemonstrationRecorder(_robot, Architecture, _options).Record();
    }

    [Test]
    public void TheExpertsDemonstrations_ReachTheGoal()
    {
        Assert.That(_data.Episodes.Select(e => e.Succeeded), Is.All.True, string.Join("; ", _data.Episodes));
        Assert.That(_data.Count, Is.EqualTo(_data.Episodes.Sum(e => e.Steps)));
    }

    [Test]
    public void AnEpisodesFirstImage_IsSimArmsFrameThroughTheRuntimesPreprocessing()
    {
        Scene scene = new SceneLayout().Generate(_options.FirstSeed);
        byte[] frame = SceneSnapshot.Render(_robot, scene, CameraSpec.FrontCamera, new double[_robot.ActuatedJoints.Count]);
        var expected = new float[Architecture.ImageLength];
        new ImagePreprocessor(Architecture.ImageSpec).Process(frame, 320, 240, 960, PixelEncoding.Rgb8, expected);
        Assert.That(_data.Image(0).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Chunks_AreTheExpertsNextTargets_FromTheObservedState()
    {
        for (int n = 0; n < _data.Count; n++)
        {
            ReadOnlySpan<float> state = _data.State(n), target = _data.Target(n);
            for (int j = 0; j < _data.Joints; j++)
            {
                Assert.That(Math.Abs(target[j] - state[j]), Is.LessThanOrEqualTo(_options.ExpertJointStep + 1e-5), $"sample {n} joint {j}: first row moves one expert step at most");
                for (int k = 1; k < _data.Horizon; k++)
                {
                    Assert.That(Math.Abs(target[(k * _data.Joints) + j] - target[((k - 1) * _data.Joints) + j]), Is.LessThanOrEqualTo(_options.ExpertJointStep + 1e-5));
                }
            }
        }
    }

    [Test]
    public void Training_LowersTheLoss_AndTheExportedOnnx_MatchesTheCSharpForwardPass()
    {
        var normalization = ReachNormalization.Compute(_data);
        var network = new ReachPolicyNetwork(Architecture, InstructionPhrasings.Vocabulary().Count, seed: 2);
        var trainer = new BehaviourCloningTrainer(network, _data, normalization, new TrainingOptions { Epochs = 4, BatchSize = 16, LearningRate = 3e-3, ValidationFraction = 0 });
        IReadOnlyList<EpochReport> reports = trainer.Train();
        Assert.That(reports[^1].TrainingLoss, Is.LessThan(0.8 * reports[0].TrainingLoss), string.Join("; ", reports.Select(r => r.TrainingLoss)));

        string folder = Directory.CreateTempSubdirectory("reach_export").FullName;
        try
        {
            string cardPath = ReachPolicyExporter.Write(folder, "reach_test", network, normalization, ["test export"]);
            PolicyCard card = PolicyCardLoader.Load(cardPath);
            using PolicyRuntime runtime = PolicyRuntime.Load(card);
            var preprocessor = new ImagePreprocessor(Architecture.ImageSpec);
            var tokenizer = InstructionPhrasings.Tokenizer();
            ReachPolicyWorkspace workspace = network.CreateWorkspace();
            var random = new Random(9);
            foreach (int seed in new[] { 11, 12, 13 })
            {
                Scene scene = new SceneLayout().Generate(seed);
                float[] q = [.. Enumerable.Range(0, 6).Select(_ => (float)((random.NextDouble() - 0.5) * 1.2))];
                double[] positions = [.. q.Select(v => (double)v), 0];
                byte[] frame = SceneSnapshot.Render(_robot, scene, CameraSpec.FrontCamera, positions);
                string instruction = InstructionPhrasings.Phrase(seed % InstructionPhrasings.Templates.Count, scene.Target.Color);

                runtime.SetImage(0, frame, 320, 240, 960, PixelEncoding.Rgb8);
                runtime.SetState(positions.AsSpan(0, 6));
                runtime.SetInstruction(instruction);
                var onnx = new double[runtime.ChunkLength];
                runtime.Infer(onnx);

                var image = new float[Architecture.ImageLength];
                preprocessor.Process(frame, 320, 240, 960, PixelEncoding.Rgb8, image);
                long[] ids = new long[Architecture.MaxTokens], mask = new long[Architecture.MaxTokens];
                tokenizer.Encode(instruction, ids, mask);
                var state = new float[6];
                normalization.NormalizeState(q, state);
                network.Forward(image, ids, mask, state, workspace);
                var expected = new double[Architecture.ActionLength];
                normalization.UnnormalizeChunk(q, workspace.Output, expected);

                Assert.That(onnx, Is.EqualTo(expected).Within(1e-4), $"seed {seed}: {instruction}");
                Assert.That(onnx.Select((v, i) => Math.Abs(v - q[i % 6])).Max(), Is.GreaterThan(1e-3), "a chunk that only echoes the state would prove little");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
