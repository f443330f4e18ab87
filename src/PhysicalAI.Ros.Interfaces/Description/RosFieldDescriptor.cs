namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>
/// One field of a generated message, described for tools that work on any type by name (echo, pub,
/// parameter tools, property tests): its ROS name and type, and access to its value without reflection.
/// </summary>
/// <remarks>Values are boxed; hot paths use the generated properties and serializers instead.</remarks>
public sealed class RosFieldDescriptor
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;
    private readonly Func<RosMessageDescriptor>? _messageType;

    private RosFieldDescriptor(
        string name,
        RosFieldKind kind,
        RosArrayKind array,
        int arraySize,
        int stringBound,
        Type clrType,
        Func<object, object?> get,
        Action<object, object?> set,
        Func<RosMessageDescriptor>? messageType)
    {
        Name = name;
        Kind = kind;
        Array = array;
        ArraySize = arraySize;
        StringBound = stringBound;
        ClrType = clrType;
        _get = get;
        _set = set;
        _messageType = messageType;
    }

    /// <summary>ROS field name (snake_case), as in the .msg file.</summary>
    public string Name { get; }

    /// <summary>Element kind.</summary>
    public RosFieldKind Kind { get; }

    /// <summary>Array shape.</summary>
    public RosArrayKind Array { get; }

    /// <summary>N of <c>T[N]</c> or <c>T[&lt;=N]</c>; 0 otherwise.</summary>
    public int ArraySize { get; }

    /// <summary>Bound of <c>string&lt;=N</c>, or -1 when unbounded.</summary>
    public int StringBound { get; }

    /// <summary>C# type of the property: the element type, or an array of it.</summary>
    public Type ClrType { get; }

    /// <summary>For <see cref="RosFieldKind.Message"/> fields, the nested message's description.</summary>
    public RosMessageDescriptor? MessageType => _messageType?.Invoke();

    /// <summary>Whether the field is an array or a sequence.</summary>
    public bool IsArray => Array != RosArrayKind.None;

    /// <summary>Reads the field of <paramref name="message"/>.</summary>
    public object? GetValue(object message) => _get(message);

    /// <summary>Writes the field of <paramref name="message"/>; the value must have <see cref="ClrType"/>.</summary>
    public void SetValue(object message, object? value) => _set(message, value);

    /// <summary>Describes a field of message type <typeparamref name="TMessage"/>. Called by generated code.</summary>
    public static RosFieldDescriptor Create<TMessage, TValue>(
        string name,
        RosFieldKind kind,
        RosArrayKind array,
        int arraySize,
        int stringBound,
        Func<TMessage, TValue> get,
        Action<TMessage, TValue> set,
        Func<RosMessageDescriptor>? messageType = null)
        where TMessage : class =>
        new(
            name,
            kind,
            array,
            arraySize,
            stringBound,
            typeof(TValue),
            message => get((TMessage)message),
            (message, value) => set((TMessage)message, (TValue)value!),
            messageType);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
