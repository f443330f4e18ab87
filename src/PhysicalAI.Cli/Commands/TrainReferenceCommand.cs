using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysicalAI.Learning.Demonstrations;
using PhysicalAI.Learning.Export;
using PhysicalAI.Learning.Reach;
using PhysicalAI.Learning.Training;
using PhysicalAI.Nodes;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai train reference --seed S</c>: the reference reach policy from scratch — the scripted expert's
/// demonstrations on the training seeds, behaviour cloning on the CPU, and the ONNX model, policy card
/// and vocabulary written to <c>--out</c>. The same seed and arguments give the same model.
/// </summary>
internal static class TrainReferenceCommand
{
    public const string ModelName = "reference_reach";

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seeds the weights, the shuffling, the perturbations and the phrasings", DefaultValueFactory = _ => 0 };
        var episodes = new Option<int>("--episodes") { Description = $"Demonstrated scenes, seeds {DemonstrationOptions.TrainingSeedStart} upward", DefaultValueFactory = _ => new DemonstrationOptions().Episodes };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the demonstrations", DefaultValueFactory = _ => new TrainingOptions().Epochs };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the .onnx, .yaml and .vocab.txt", DefaultValueFactory = _ => new DirectoryInfo("models") };
        var robot = CliOptions.Robot();
        var command = new Command("reference", "Train the reference reach policy from the scripted expert's demonstrations and export it") { seed, episodes, epochs, output, robot };
        command.SetAction(result =>
        {
            int s = result.GetValue(seed), n = result.GetValue(episodes), e = result.GetValue(epochs);
            if (n < 2 || n > 1_000_000 || e < 1)
            {
                throw new CliError($"--episodes must be at least 2 and --epochs at least 1 (got {n} and {e})");
            }

            RobotModel model = CliOptions.LoadRobot(result.GetValue(robot)!);
            CultureInfo c = CultureInfo.InvariantCulture;
            var clock = Stopwatch.StartNew();
            var architecture = new ReachPolicyArchitecture();
            var demonstrationOptions = new DemonstrationOptions { Episodes = n, Seed = s };
            int lastSeed = demonstrationOptions.FirstSeed + n - 1;
            Console.WriteLine(string.Create(c, $"Recording {n} demonstrations of {model.Name} (training seeds {demonstrationOptions.FirstSeed}-{lastSeed}) at {architecture.ControlRate} Hz..."));
            DemonstrationSet data;
            try
            {
                data = new DemonstrationRecorder(model, architecture, demonstrationOptions).Record(done =>
                {
                    if (done % 100 == 0 || done == n)
                    {
                        Console.WriteLine(string.Create(c, $"  {done}/{n} episodes, {clock.Elapsed.TotalSeconds:0} s"));
                    }
                });
            }
            catch (ArgumentException error)
            {
                throw new CliError(error.Message);
            }

            TimeSpan recording = clock.Elapsed;
            int failed = data.Episodes.Count(d => !d.Succeeded);
            Console.WriteLine(string.Create(c, $"Demonstrations: {data.Count} steps from {n} episodes ({failed} where the expert missed) in {recording.TotalSeconds:0} s"));

            var normalization = ReachNormalization.Compute(data);
            var network = new ReachPolicyNetwork(architecture, InstructionPhrasings.Vocabulary().Count, s);
            var trainingOptions = new TrainingOptions { Epochs = e, Seed = s };
            var trainer = new BehaviourCloningTrainer(network, data, normalization, trainingOptions);
            Console.WriteLine(string.Create(c, $"Training {network.ParameterCount:N0} parameters on {trainer.TrainingSamples} steps (validation {trainer.ValidationSamples}), {e} epochs, batch {trainingOptions.BatchSize}, {trainingOptions.Workers} threads"));
            trainer.Train(r => Console.WriteLine(string.Create(
                c,
                $"epoch {r.Epoch,3}/{r.Epochs}  loss {r.TrainingLoss:0.00000}  validation {r.ValidationLoss:0.00000}  lr {r.LearningRate:0.0e0}  elapsed {Elapsed(recording + r.Elapsed)}")));

            TimeSpan total = clock.Elapsed;
            string folder = result.GetValue(output)!.FullName;
            string[] provenance =
            [
                $"The reference reach policy for {model.Name}, made by: pai train reference --seed {s} --episodes {n} --epochs {e}",
                $"Demonstrations: the scripted expert on training seeds {demonstrationOptions.FirstSeed}-{lastSeed}; evaluate on seeds 0-{DemonstrationOptions.TrainingSeedStart - 1}, which training never sees.",
                "Inputs: front camera, joint state, instruction (\"reach the <colour> cube\"); actions: joint position deltas from the observed state.",
            ];
            string card;
            try
            {
                card = ReachPolicyExporter.Write(folder, ModelName, network, normalization, provenance);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"cannot write the model to {folder}: {error.Message}");
            }

            (string onnx, _, _) = ReachPolicyExporter.FileNames(ModelName);
            long bytes = new FileInfo(Path.Combine(folder, onnx)).Length;
            Console.WriteLine(string.Create(c, $"Wrote {card} and its model and vocabulary"));
            Console.WriteLine(string.Create(c, $"model size: {bytes / 1024.0:0.0} KiB ({network.ParameterCount:N0} parameters)"));
            Console.WriteLine(string.Create(c, $"training time: {Elapsed(total)} (demonstrations {Elapsed(recording)}, training {Elapsed(total - recording)})"));
            return 0;
        });
        return command;
    }

    private static string Elapsed(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s");
}
