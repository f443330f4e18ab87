namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>A parameter was declared twice.</summary>
public sealed class ParameterAlreadyDeclaredException(string name, string node)
    : InvalidOperationException($"parameter '{name}' of node '{node}' is already declared");

/// <summary>A parameter was used without being declared, and the node does not allow undeclared parameters.</summary>
public sealed class ParameterNotDeclaredException(string name, string node)
    : InvalidOperationException($"parameter '{name}' of node '{node}' is not declared (declare it first, or create the node with AllowUndeclaredParameters)");

/// <summary>A parameter's value does not have the type it was declared with (or asked for).</summary>
public sealed class InvalidParameterTypeException(string message) : ArgumentException(message);

/// <summary>A parameter's value is not allowed (out of range, read-only, refused by a callback).</summary>
public sealed class InvalidParameterValueException(string message) : ArgumentException(message);

/// <summary>A params file cannot be used; the message names the file and the key or line.</summary>
public sealed class ParamsFileException(string message) : FormatException(message);
