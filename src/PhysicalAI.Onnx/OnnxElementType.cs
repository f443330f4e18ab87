namespace PhysicalAI.Onnx;

/// <summary>ONNX tensor element types (TensorProto.DataType) the builder writes.</summary>
public enum OnnxElementType
{
    Float = 1,
    UInt8 = 2,
    Int32 = 6,
    Int64 = 7,
}
