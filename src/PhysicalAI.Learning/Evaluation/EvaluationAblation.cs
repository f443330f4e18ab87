namespace PhysicalAI.Learning.Evaluation;

/// <summary>What an evaluation withholds from the policy, to show it uses that input.</summary>
public enum EvaluationAblation
{
    /// <summary>Everything as sim_arm gives it.</summary>
    None,

    /// <summary>The instruction names another cube of the scene; success is still scored on the scene's target.</summary>
    OtherColorInstruction,

    /// <summary>Every camera frame is black.</summary>
    BlankCamera,
}
