using System.Runtime.InteropServices;

namespace PhysicalAI.Onnx;

/// <summary>
/// Builds a single-graph ONNX model in code: typed inputs and outputs with fixed or named dimensions,
/// initializers, and nodes of the default operator set. Used by the tests to make tiny policies whose
/// outputs are known, and to export the project's own models. Field numbers follow the public onnx.proto.
/// </summary>
public sealed class OnnxGraphBuilder(string name)
{
    private readonly List<ProtoMessage> _nodes = [], _initializers = [], _inputs = [], _outputs = [];

    /// <summary>A graph input; a dimension is a number, or a string naming a symbolic one ("batch").</summary>
    public OnnxGraphBuilder Input(string input, OnnxElementType type, params object[] shape)
    {
        _inputs.Add(ValueInfo(input, type, shape));
        return this;
    }

    /// <summary>A graph output.</summary>
    public OnnxGraphBuilder Output(string output, OnnxElementType type, params object[] shape)
    {
        _outputs.Add(ValueInfo(output, type, shape));
        return this;
    }

    /// <summary>A constant float tensor.</summary>
    public OnnxGraphBuilder Initializer(string tensor, long[] dims, ReadOnlySpan<float> values) =>
        AddInitializer(tensor, OnnxElementType.Float, dims, MemoryMarshal.AsBytes(values));

    /// <summary>A constant int64 tensor (shapes, indices).</summary>
    public OnnxGraphBuilder Initializer(string tensor, long[] dims, ReadOnlySpan<long> values) =>
        AddInitializer(tensor, OnnxElementType.Int64, dims, MemoryMarshal.AsBytes(values));

    /// <summary>A node; attributes as (name, value) with float, long, string, float[] or long[] values.</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new ProtoMessage();
        foreach (string i in inputs)
        {
            node.String(1, i);
        }

        foreach (string o in outputs)
        {
            node.String(2, o);
        }

        node.String(3, $"{opType}_{_nodes.Count}").String(4, opType);
        foreach ((string attributeName, object value) in attributes)
        {
            node.Message(5, Attribute(attributeName, value));
        }

        _nodes.Add(node);
        return this;
    }

    /// <summary>The model file's bytes: IR version 8, the default domain at <paramref name="opset"/>.</summary>
    public byte[] ToModel(int opset = 17, string producer = "PhysicalAI.Onnx")
    {
        var graph = new ProtoMessage();
        foreach (ProtoMessage n in _nodes)
        {
            graph.Message(1, n);
        }

        graph.String(2, name);
        foreach (ProtoMessage t in _initializers)
        {
            graph.Message(5, t);
        }

        foreach (ProtoMessage i in _inputs)
        {
            graph.Message(11, i);
        }

        foreach (ProtoMessage o in _outputs)
        {
            graph.Message(12, o);
        }

        return new ProtoMessage()
            .Int64(1, 8)
            .String(2, producer)
            .Message(7, graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Int64(2, opset))
            .ToArray();
    }

    private OnnxGraphBuilder AddInitializer(string tensor, OnnxElementType type, long[] dims, ReadOnlySpan<byte> raw)
    {
        var message = new ProtoMessage();
        foreach (long d in dims)
        {
            message.Int64(1, d);
        }

        _initializers.Add(message.Int32(2, (int)type).String(8, tensor).Bytes(9, raw));
        return this;
    }

    private static ProtoMessage ValueInfo(string valueName, OnnxElementType type, object[] shape)
    {
        var dims = new ProtoMessage();
        foreach (object d in shape)
        {
            dims.Message(1, d is string symbol ? new ProtoMessage().String(2, symbol) : new ProtoMessage().Int64(1, Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tensor = new ProtoMessage().Int32(1, (int)type).Message(2, dims);
        return new ProtoMessage().String(1, valueName).Message(2, new ProtoMessage().Message(1, tensor));
    }

    private static ProtoMessage Attribute(string attributeName, object value)
    {
        var a = new ProtoMessage().String(1, attributeName);
        switch (value)
        {
            case float f:
                return a.Float(2, f).Int32(20, 1);
            case long i:
                return a.Int64(3, i).Int32(20, 2);
            case int i:
                return a.Int64(3, i).Int32(20, 2);
            case string s:
                return a.Bytes(4, System.Text.Encoding.UTF8.GetBytes(s)).Int32(20, 3);
            case float[] fs:
                foreach (float f in fs)
                {
                    a.Float(7, f);
                }

                return a.Int32(20, 6);
            case long[] ls:
                foreach (long l in ls)
                {
                    a.Int64(8, l);
                }

                return a.Int32(20, 7);
            default:
                throw new ArgumentException($"attribute '{attributeName}': values of type {value.GetType().Name} are not supported");
        }
    }
}
