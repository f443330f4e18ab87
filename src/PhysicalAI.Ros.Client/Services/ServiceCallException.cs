namespace PhysicalAI.Ros.Client.Services;

/// <summary>A service call could not be completed: no answer in time, or an answer that could not be read.</summary>
public sealed class ServiceCallException(string message, Exception? inner = null) : Exception(message, inner);
