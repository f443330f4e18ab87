using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>Parameters to and from their rcl_interfaces messages.</summary>
public static class ParameterMessages
{
    /// <summary>The message of a value.</summary>
    public static Msg.ParameterValue ToMessage(ParameterValue value)
    {
        var message = new Msg.ParameterValue { Type = (byte)value.Type };
        switch (value.Value)
        {
            case bool b: message.BoolValue = b; break;
            case long l: message.IntegerValue = l; break;
            case double d: message.DoubleValue = d; break;
            case string s: message.StringValue = s; break;
            case byte[] a: message.ByteArrayValue = a; break;
            case bool[] a: message.BoolArrayValue = a; break;
            case long[] a: message.IntegerArrayValue = a; break;
            case double[] a: message.DoubleArrayValue = a; break;
            case string[] a: message.StringArrayValue = a; break;
        }

        return message;
    }

    /// <summary>The value a message holds, read by its type tag.</summary>
    /// <exception cref="InvalidParameterTypeException">The type tag is not one of ROS's nine types.</exception>
    public static ParameterValue FromMessage(Msg.ParameterValue message) => (ParameterType)message.Type switch
    {
        ParameterType.NotSet => ParameterValue.NotSet,
        ParameterType.Bool => ParameterValue.Of(message.BoolValue),
        ParameterType.Integer => ParameterValue.Of(message.IntegerValue),
        ParameterType.Double => ParameterValue.Of(message.DoubleValue),
        ParameterType.String => ParameterValue.Of(message.StringValue),
        ParameterType.ByteArray => ParameterValue.Of(message.ByteArrayValue),
        ParameterType.BoolArray => ParameterValue.Of(message.BoolArrayValue),
        ParameterType.IntegerArray => ParameterValue.Of(message.IntegerArrayValue),
        ParameterType.DoubleArray => ParameterValue.Of(message.DoubleArrayValue),
        ParameterType.StringArray => ParameterValue.Of(message.StringArrayValue),
        _ => throw new InvalidParameterTypeException($"parameter type tag {message.Type} is not one of ROS 2's parameter types (0-9)"),
    };

    /// <summary>The message of a parameter.</summary>
    public static Msg.Parameter ToMessage(Parameter parameter) => new() { Name = parameter.Name, Value = ToMessage(parameter.Value) };

    /// <summary>The parameter a message holds.</summary>
    public static Parameter FromMessage(Msg.Parameter message) => new(message.Name, FromMessage(message.Value));

    /// <summary>The descriptor message of a declared parameter.</summary>
    public static Msg.ParameterDescriptor ToMessage(string name, ParameterDescriptor descriptor, ParameterType type) => new()
    {
        Name = name,
        Type = (byte)type,
        Description = descriptor.Description,
        AdditionalConstraints = descriptor.AdditionalConstraints,
        ReadOnly = descriptor.ReadOnly,
        DynamicTyping = descriptor.DynamicTyping,
        FloatingPointRange = descriptor.FloatingPointRange is { } f ? [new Msg.FloatingPointRange { FromValue = f.From, ToValue = f.To, Step = f.Step }] : [],
        IntegerRange = descriptor.IntegerRange is { } i ? [new Msg.IntegerRange { FromValue = i.From, ToValue = i.To, Step = i.Step }] : [],
    };
}
