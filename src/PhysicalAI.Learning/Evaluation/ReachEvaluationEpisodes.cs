using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Evaluation;

/// <summary>
/// The episode rules an evaluation follows, in process or over DDS alike: the scene of a seed (as
/// sim_arm's reset makes it), the instruction given (sim_arm's, or another cube's for the instruction
/// ablation), and the verdict: success once the tool reaches the scene's target within the time limit
/// (sim_arm's <c>episode_timeout</c> default).
/// </summary>
public static class ReachEvaluationEpisodes
{
    /// <summary>sim_arm's default episode timeout, s.</summary>
    public const double DefaultTimeout = 30;

    /// <summary>The scene of <paramref name="seed"/>.</summary>
    public static Scene Scene(int seed) => new SceneLayout().Generate(seed);

    /// <summary>The cube the instruction names: the target, or under the instruction ablation the next cube of the scene after it.</summary>
    public static SceneCube InstructedCube(Scene scene, EvaluationAblation ablation)
    {
        if (ablation != EvaluationAblation.OtherColorInstruction)
        {
            return scene.Target;
        }

        int target = scene.Cubes.ToList().IndexOf(scene.Target);
        return scene.Cubes[(target + 1) % scene.Cubes.Count];
    }

    /// <summary>The instruction the policy is given.</summary>
    public static string Instruction(Scene scene, EvaluationAblation ablation) => (scene with { Target = InstructedCube(scene, ablation) }).Instruction;
}
