using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PhysicalAI.Policy.Inference;

/// <summary>
/// One ONNX model in ONNX Runtime, run through IOBinding over buffers allocated once and pinned: callers
/// write the inputs' spans, call <see cref="Run"/>, and read the outputs' spans — no managed allocation per
/// run. At load, the model's real inputs and outputs are checked against the expected ones (names, shapes,
/// element types); any difference is one error listing expected against actual.
/// </summary>
public sealed class OnnxModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly Dictionary<string, float[]> _buffers = [];
    private readonly Dictionary<string, long[]> _integerBuffers = [];
    private readonly List<OrtValue> _values = [];

    /// <summary>Loads <paramref name="model"/> (the .onnx bytes; <paramref name="source"/> names it in errors).</summary>
    /// <exception cref="PolicyModelException">The model cannot be read, its contract differs, or the execution provider is not in this build.</exception>
    public OnnxModelRunner(byte[] model, string source, IReadOnlyList<TensorContract> inputs, IReadOnlyList<TensorContract> outputs, OnnxRunnerOptions? options = null)
    {
        options ??= new OnnxRunnerOptions();
        using SessionOptions sessionOptions = Configure(options, source);
        try
        {
            _session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PolicyModelException($"{source}: ONNX Runtime cannot load the model: {e.Message}");
        }

        try
        {
            Check(source, "inputs", inputs, _session.InputMetadata);
            Check(source, "outputs", outputs, _session.OutputMetadata);
            _binding = _session.CreateIoBinding();
            foreach (TensorContract t in inputs)
            {
                _binding.BindInput(t.Name, Allocate(t, _session.InputMetadata[t.Name]));
            }

            foreach (TensorContract t in outputs)
            {
                _binding.BindOutput(t.Name, Allocate(t, _session.OutputMetadata[t.Name]));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The input named <paramref name="name"/>, to write before <see cref="Run"/>.</summary>
    public Span<float> Input(string name) => Buffer(name);

    /// <summary>The int64 input named <paramref name="name"/> (token ids, masks), to write before <see cref="Run"/>.</summary>
    public Span<long> IntegerInput(string name) => _integerBuffers.TryGetValue(name, out long[]? b) ? b
        : throw new ArgumentException($"the model has no bound int64 tensor '{name}' (bound: {string.Join(", ", _integerBuffers.Keys)})");

    /// <summary>The output named <paramref name="name"/>, valid after <see cref="Run"/>.</summary>
    public ReadOnlySpan<float> Output(string name) => Buffer(name);

    /// <summary>Runs the model on the bound buffers.</summary>
    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding?.Dispose();
        foreach (OrtValue v in _values)
        {
            v.Dispose();
        }

        _runOptions.Dispose();
        _session?.Dispose();
    }

    private float[] Buffer(string name) => _buffers.TryGetValue(name, out float[]? b) ? b
        : throw new ArgumentException($"the model has no bound tensor '{name}' (bound: {string.Join(", ", _buffers.Keys)})");

    private OrtValue Allocate(TensorContract t, NodeMetadata actual)
    {
        // Free dimensions are 1 (a batch of one).
        long[] shape = [.. t.Shape.Select((d, i) => d >= 0 ? d : actual.Dimensions[i] > 0 ? actual.Dimensions[i] : 1)];
        long length = shape.Aggregate(1L, (a, b) => a * b);
        OrtValue value;
        if (t.ElementType == TensorElementType.Int64)
        {
            var buffer = new long[length];
            value = OrtValue.CreateTensorValueFromMemory(buffer, shape);
            _integerBuffers[t.Name] = buffer;
        }
        else
        {
            var buffer = new float[length];
            value = OrtValue.CreateTensorValueFromMemory(buffer, shape);
            _buffers[t.Name] = buffer;
        }

        _values.Add(value);
        return value;
    }

    private static SessionOptions Configure(OnnxRunnerOptions options, string source)
    {
        var s = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = options.OptimizationLevel,
        };
        try
        {
            switch (options.ExecutionProvider)
            {
                case "cpu":
                    break;
                case "cuda":
                    s.AppendExecutionProvider_CUDA();
                    break;
                case "tensorrt":
                    s.AppendExecutionProvider_Tensorrt();
                    break;
                default:
                    throw new PolicyModelException($"{source}: execution provider '{options.ExecutionProvider}' is unknown; use cpu, cuda or tensorrt");
            }
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            s.Dispose();
            throw new PolicyModelException(
                $"{source}: execution provider '{options.ExecutionProvider}' is not in this build (it has the CPU runtime); build with -p:OnnxRuntimePackage=Microsoft.ML.OnnxRuntime.Gpu on a machine with CUDA, or use cpu ({e.Message})");
        }

        return s;
    }

    private static void Check(string source, string what, IReadOnlyList<TensorContract> expected, IReadOnlyDictionary<string, NodeMetadata> actual)
    {
        bool matches = expected.Count == actual.Count && expected.All(e =>
            actual.TryGetValue(e.Name, out NodeMetadata? m)
            && m.ElementDataType == e.ElementType
            && m.Dimensions.Length == e.Shape.Length
            && e.Shape.Zip(m.Dimensions).All(p => p.First < 0 || p.Second < 0 || p.First == p.Second));
        if (!matches)
        {
            string Describe(KeyValuePair<string, NodeMetadata> m) =>
                $"{m.Key} {m.Value.ElementDataType.ToString().ToLowerInvariant()}[{string.Join(", ", m.Value.Dimensions.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
            throw new PolicyModelException(
                $"{source}: the model's {what} differ from the policy card's: expected {string.Join("; ", expected)}; the model has {string.Join("; ", actual.Select(Describe))}");
        }
    }
}
