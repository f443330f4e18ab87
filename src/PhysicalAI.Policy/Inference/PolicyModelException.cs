namespace PhysicalAI.Policy.Inference;

/// <summary>A model or policy card that cannot be used; the message names the file and what is wrong.</summary>
public sealed class PolicyModelException(string message) : Exception(message);
