namespace PhysicalAI.Learning.Evaluation;

/// <summary>
/// How one evaluation episode ended: scored on the scene's target (<paramref name="Color"/>), with the time
/// to success (NaN if none), the tool's final distance to the goal, and whether the tool ever reached the
/// cube the instruction named (the same as success unless the instruction was ablated).
/// </summary>
public sealed record EpisodeOutcome(int Seed, string Color, string Instruction, bool Succeeded, double SuccessTime, double FinalDistance, bool ReachedInstructed);
