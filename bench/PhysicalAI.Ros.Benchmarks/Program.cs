using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PhysicalAI.Ros.Benchmarks;

// `dotnet run -c Release --project bench/PhysicalAI.Ros.Benchmarks -- cdr` runs the CDR benchmarks and
// prints each target with the figure measured (likewise `-- allocations`, `-- sim` for rendering and forward kinematics, `-- safety` for the safety controller's cycle, `-- policy` for image preprocessing); other arguments go to
// BenchmarkDotNet's switcher.
if (args.Length > 0 && args[0] == "cdr")
{
    IConfig config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
    Summary joint = BenchmarkRunner.Run<JointStateRoundTripBenchmark>(config);
    Summary image = BenchmarkRunner.Run<ImageBandwidthBenchmark>(config);
    return CdrTargets.Report(joint, image);
}

if (args.Length > 0 && args[0] == "allocations")
{
    Summary transport = BenchmarkRunner.Run<TransportAllocationBenchmark>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
    return AllocationTargets.Report(transport);
}

if (args.Length > 0 && args[0] == "sim")
{
    IConfig config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
    Summary render = BenchmarkRunner.Run<RenderBenchmark>(config);
    Summary kinematics = BenchmarkRunner.Run<KinematicsBenchmark>(config);
    return SimTargets.Report(render, kinematics);
}

if (args.Length > 0 && args[0] == "safety")
{
    Summary safety = BenchmarkRunner.Run<SafetyCycleBenchmark>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
    return SafetyTargets.Report(safety);
}

if (args.Length > 0 && args[0] == "policy")
{
    Summary preprocess = BenchmarkRunner.Run<ImagePreprocessBenchmark>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
    return PolicyTargets.Report(preprocess);
}

BenchmarkSwitcher.FromAssembly(typeof(CdrTargets).Assembly).Run(args);
return 0;
