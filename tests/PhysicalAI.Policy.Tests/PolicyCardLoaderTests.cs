using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Language;

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
    public void TheLanguageSection_ReadsTheFieldsOfItsKind()
    {
        string bpe = Card.Replace("tokenizer: word_vocab\n  file: vocab.txt", "tokenizer: bpe\n  file: vocab.json\n  merges: merges.txt\n  pattern: o200k", StringComparison.Ordinal);
        string wordPiece = Card.Replace("tokenizer: word_vocab", "tokenizer: wordpiece\n  lower_case: false", StringComparison.Ordinal);
        LanguageInput words = PolicyCardLoader.Parse(Card, "/models/pai/card.yaml").Language!;
        LanguageInput pieces = PolicyCardLoader.Parse(wordPiece, "/models/pai/card.yaml").Language!;
        LanguageInput merges = PolicyCardLoader.Parse(bpe, "/models/pai/card.yaml").Language!;
        Assert.Multiple(() =>
        {
            Assert.That((words.Tokenizer, words.File, words.PadId, words.EosId, words.IdsInput, words.MaskInput), Is.EqualTo(("word_vocab", "/models/pai/vocab.txt", 0, 1, "lang_tokens", "lang_mask")));
            Assert.That((words.Merges, words.LowerCase, words.Pattern), Is.EqualTo(((string?)null, true, (TiktokenPattern?)null)));
            Assert.That(pieces.LowerCase, Is.False);
            Assert.That((merges.File, merges.Merges, merges.Pattern), Is.EqualTo(("/models/pai/vocab.json", "/models/pai/merges.txt", (TiktokenPattern?)TiktokenPattern.O200k)));
        });
    }

    [TestCase("tokenizer: word_vocab", "tokenizer: gpt2", "card.yaml:25: 'language.tokenizer': 'gpt2' is not one of bpe, sentencepiece, wordpiece, tiktoken, word_vocab")]
    [TestCase("tokenizer: word_vocab", "tokenizer: bpe", "card.yaml:25: 'language': 'merges' is missing")]
    [TestCase("max_tokens: 48", "max_tokens: 48\n  merges: merges.txt", "card.yaml:28: 'language.merges': only a bpe tokenizer reads 'merges', not word_vocab")]
    [TestCase("max_tokens: 48", "max_tokens: 48\n  lower_case: true", "card.yaml:28: 'language.lower_case': only a wordpiece tokenizer reads 'lower_case', not word_vocab")]
    [TestCase("tokenizer: word_vocab", "tokenizer: tiktoken\n  pattern: cl200k", "card.yaml:26: 'language.pattern': 'cl200k' is not one of cl100k, o200k, r50k")]
    [TestCase("tokenizer: word_vocab", "tokenizer: sentencepiece\n  pattern: cl100k", "card.yaml:26: 'language.pattern': only a tiktoken or bpe tokenizer reads 'pattern', not sentencepiece")]
    public void ABrokenLanguageSection_NamesTheField(string from, string to, string message)
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
