using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

public class PolicyCardLoaderTests
{
    private const string Card = """
        name: pai_reach
        graphs:
          model: encoder.onnx
          denoiser: denoiser.onnx
          steps: 10
          method: flow_euler
        control_rate: 30
        images:
          - input: observation.images.front
            topic: /front_camera/image_raw
            width: 224
            height: 224
            resize: pad_to_square
            layout: nchw
            mean: [0.485, 0.456, 0.406]
            std: [0.229, 0.224, 0.225]
            max_age: 0.2
        state:
          input: observation.state
          joints: [joint_1, joint_2]
          width: 32
          max_age: 0.1
          normalization: {kind: mean_std, mean: [0.0, 0.5], std: [1.0, 2.0]}
        language:
          tokenizer: word_vocab
          file: vocab.txt
          max_tokens: 48
          ids_input: lang_tokens
          mask_input: lang_mask
        actions:
          output: action
          horizon: 50
          dims: 32
          meaning: absolute
          joints: [joint_1, joint_2]
          normalization: {kind: quantiles, q01: [-1.0, -2.0], q99: [1.0, 2.0]}
          steps_per_inference: 25
          blending: weighted_overlap
          coefficient: 0.7
          refill_threshold: 10
        """;

    [Test]
    public void AFullCard_IsRead()
    {
        PolicyCard card = PolicyCardLoader.Parse(Card, "/models/pai/card.yaml");
        Assert.Multiple(() =>
        {
            Assert.That((card.Graphs.Model, card.Graphs.Denoiser, card.Graphs.Steps, card.Graphs.Method), Is.EqualTo(("/models/pai/encoder.onnx", "/models/pai/denoiser.onnx", 10, "flow_euler")));
            Assert.That(card.ControlRate, Is.EqualTo(30));
            Assert.That(card.Cameras[0].Image.Mode, Is.EqualTo(ResizeMode.PadToSquare));
            Assert.That(card.Cameras[0].Topic, Is.EqualTo("/front_camera/image_raw"));
            Assert.That((card.State.Width, card.State.Joints.Count, card.State.MaxAge), Is.EqualTo((32, 2, 0.1)));
            Assert.That(card.Language!.MaxTokens, Is.EqualTo(48));
            Assert.That((card.Actions.Horizon, card.Actions.Dimensions, card.Actions.Blending, card.Actions.RefillThreshold), Is.EqualTo((50, 32, ChunkBlending.WeightedOverlap, 10)));
            Assert.That(card.Actions.Meaning, Is.EqualTo(ActionMeaning.AbsolutePositions));
        });
    }

    [TestCase("resize: pad_to_square", "resize: zoom", "card.yaml:13: 'images[0].resize': 'zoom' is not one of stretch, pad_to_square, center_crop")]
    [TestCase("  horizon: 50\n", "", "card.yaml:31: 'actions': 'horizon' is missing")]
    [TestCase("mean: [0.0, 0.5], std: [1.0, 2.0]", "mean: [0.0], std: [1.0, 2.0]", "card.yaml:23: 'state.normalization': mean and std need one value per joint (2); got 1 and 2")]
    [TestCase("control_rate: 30", "control_rate: fast", "card.yaml:7: 'control_rate': 'fast' is not a number")]
    [TestCase("width: 32", "width: 1", "card.yaml:21: 'state.width': 1 is narrower than the 2 joints")]
    [TestCase("max_age: 0.1", "max_age: -1", "card.yaml:22: 'state.max_age': -1 must be positive")]
    [TestCase("method: flow_euler", "method: ddim", "card.yaml:3: 'graphs': 'ddim' is missing")]
    [TestCase("method: flow_euler", "method: ddim\n  ddim: {train_timesteps: 100, beta_start: 0.02, beta_end: 0.0001}", "card.yaml:7: 'graphs.ddim': betas must rise within (0, 1): beta_start 0.02, beta_end 0.0001")]
    [TestCase("method: flow_euler", "method: ddim\n  ddim: {train_timesteps: 8, beta_start: 0.0001, beta_end: 0.02}", "card.yaml:5: 'graphs.steps': 10 steps for a schedule of 8 timesteps")]
    [TestCase("method: flow_euler", "method: flow_euler\n  context: [{name: prefix, shape: []}]", "card.yaml:7: 'graphs.context[0].shape': a context tensor needs a fixed shape, e.g. [1, 64]")]
    [TestCase("meaning: absolute\n  joints: [joint_1, joint_2]", "meaning: delta\n  joints: [joint_1, gripper]", "card.yaml:35: 'actions.joints': 'gripper' is not in the state's joints; delta and velocity actions are relative to the observed state")]
    public void ABrokenCard_IsOneErrorNamingFileLineAndField(string from, string to, string message)
    {
        Assert.That(() => PolicyCardLoader.Parse(Card.Replace(from, to, StringComparison.Ordinal), "card.yaml"),
            Throws.TypeOf<PolicyModelException>().With.Message.EqualTo(message));
    }

    [Test]
    public void AMissingFile_AndInvalidYaml_AreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => PolicyCardLoader.Load("no/such/card.yaml"), Throws.TypeOf<PolicyModelException>().With.Message.StartsWith("no/such/card.yaml: cannot read the policy card:"));
            Assert.That(() => PolicyCardLoader.Parse("name: [unclosed", "card.yaml"), Throws.TypeOf<PolicyModelException>().With.Message.StartsWith("card.yaml:2: not valid YAML: While parsing a flow sequence"));
        });
    }
}
