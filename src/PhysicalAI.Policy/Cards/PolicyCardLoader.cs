using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Language;
using PhysicalAI.Policy.Normalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Policy.Cards;

/// <summary>
/// Reads a policy card (YAML). Every problem is a <see cref="PolicyModelException"/> naming the file, line and
/// field — a missing field, an unknown choice, statistics that do not match the joints — never a bare
/// parser exception. Paths in the card are relative to its folder.
/// </summary>
public static class PolicyCardLoader
{
    /// <summary>Reads the card at <paramref name="path"/>.</summary>
    public static PolicyCard Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyModelException($"{path}: cannot read the policy card: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Reads card text; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    public static PolicyCard Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new PolicyModelException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new PolicyModelException($"{file}: the policy card is empty");
        }

        var root = new CardNode(file, string.Empty, stream.Documents[0].RootNode);
        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        string Resolve(string p) => Path.IsPathRooted(p) ? p : Path.Combine(folder, p);

        CardNode graphs = root.Required("graphs");
        GraphSpec graphSpec = Graphs(graphs, Resolve);

        CardNode state = root.Required("state");
        string[] stateJoints = state.Required("joints").Strings();
        int stateWidth = state.Optional("width")?.Int(1) ?? stateJoints.Length;
        if (stateWidth < stateJoints.Length)
        {
            throw state.Required("width").Error($"{stateWidth} is narrower than the {stateJoints.Length} joints");
        }

        CardNode actions = root.Required("actions");
        string[] actionJoints = actions.Required("joints").Strings();
        int dimensions = actions.Required("dims").Int(1);
        if (actionJoints.Length > dimensions)
        {
            throw actions.Required("joints").Error($"{actionJoints.Length} joints for {dimensions} action dims");
        }

        if (actions.Required("meaning").String() is "delta" or "velocity" && actionJoints.FirstOrDefault(j => !stateJoints.Contains(j)) is { } unobserved)
        {
            throw actions.Required("joints").Error($"'{unobserved}' is not in the state's joints; delta and velocity actions are relative to the observed state");
        }

        CardNode? language = root.Optional("language");
        return new PolicyCard
        {
            Name = root.Required("name").String(),
            Graphs = graphSpec,
            ControlRate = Positive(root.Required("control_rate")),
            Cameras = [.. root.Required("images").Items().Select(Camera)],
            State = new StateInput(state.Required("input").String(), stateJoints, stateWidth, Normalizer(state, stateJoints.Length), Positive(state.Required("max_age"))),
            Language = language is null ? null : Language(language, Resolve),
            Actions = new ActionOutput(
                actions.Required("output").String(),
                actions.Required("horizon").Int(1),
                dimensions,
                actions.Required("meaning").Choice(("absolute", ActionMeaning.AbsolutePositions), ("delta", ActionMeaning.Deltas), ("velocity", ActionMeaning.Velocities)),
                actionJoints,
                Normalizer(actions, actionJoints.Length),
                actions.Optional("steps_per_inference")?.Int(1) ?? 1,
                actions.Optional("blending")?.Choice(("none", ChunkBlending.None), ("temporal_ensemble", ChunkBlending.TemporalEnsemble), ("weighted_overlap", ChunkBlending.WeightedOverlap)) ?? ChunkBlending.None,
                actions.Optional("coefficient")?.Double() ?? 0.7,
                actions.Optional("refill_threshold")?.Int(0) ?? 0),
        };
    }

    private static GraphSpec Graphs(CardNode graphs, Func<string, string> resolve)
    {
        string model = resolve(graphs.Required("model").String());
        if (graphs.Optional("denoiser") is not { } denoiser)
        {
            return new GraphSpec(model, null, 1, "single");
        }

        string method = graphs.Required("method").Choice(("flow_euler", "flow_euler"), ("ddim", "ddim"));
        DdimSchedule? schedule = null;
        if (method == "ddim")
        {
            CardNode ddim = graphs.Required("ddim");
            schedule = new DdimSchedule(ddim.Required("train_timesteps").Int(1), Positive(ddim.Required("beta_start")), Positive(ddim.Required("beta_end")));
            if (schedule.BetaEnd >= 1 || schedule.BetaStart > schedule.BetaEnd)
            {
                throw ddim.Error($"betas must rise within (0, 1): beta_start {schedule.BetaStart}, beta_end {schedule.BetaEnd}");
            }
        }

        var spec = new GraphSpec(model, resolve(denoiser.String()), graphs.Required("steps").Int(1), method)
        {
            NoisyInput = graphs.Optional("noisy_input")?.String() ?? "x_t",
            TimeInput = graphs.Optional("time_input")?.String() ?? "t",
            Seed = graphs.Optional("seed")?.Int(0) ?? 0,
            Context = graphs.Optional("context")?.Items().Select(c =>
            {
                CardNode shape = c.Required("shape");
                long[] dims = [.. shape.Items().Select(i => (long)i.Int(1))];
                return dims.Length > 0 ? new ContextTensor(c.Required("name").String(), dims)
                    : throw shape.Error("a context tensor needs a fixed shape, e.g. [1, 64]");
            }).ToArray() ?? [],
            Ddim = schedule,
        };
        if (spec.Ddim is { } d && spec.Steps > d.TrainTimesteps)
        {
            throw graphs.Required("steps").Error($"{spec.Steps} steps for a schedule of {d.TrainTimesteps} timesteps");
        }

        return spec;
    }

    /// <summary>
    /// The <c>language</c> section. Fields that only some kinds read are refused for the others, so a card
    /// cannot carry a setting that silently does nothing.
    /// </summary>
    private static LanguageInput Language(CardNode language, Func<string, string> resolve)
    {
        string kind = language.Required("tokenizer").Choice([.. InstructionTokenizerLoader.Kinds.Select(k => (k, k))]);
        CardNode? Only(string key, params string[] kinds)
        {
            CardNode? node = language.Optional(key);
            return node is null || kinds.Contains(kind) ? node : throw node.Error($"only a {string.Join(" or ", kinds)} tokenizer reads '{key}', not {kind}");
        }

        return new LanguageInput(
            kind,
            resolve(language.Required("file").String()),
            language.Required("max_tokens").Int(1),
            language.Optional("pad_id")?.Int(0) ?? 0,
            language.Optional("eos_id")?.Int(0) ?? 1,
            language.Required("ids_input").String(),
            language.Optional("mask_input")?.String())
        {
            Merges = kind == InstructionTokenizerLoader.Bpe ? resolve(language.Required("merges").String()) : Only("merges", InstructionTokenizerLoader.Bpe)?.String(),
            LowerCase = Only("lower_case", InstructionTokenizerLoader.WordPiece)?.Choice(("true", true), ("false", false)) ?? true,
            Pattern = Only("pattern", InstructionTokenizerLoader.Tiktoken, InstructionTokenizerLoader.Bpe)?.Choice(("cl100k", TiktokenPattern.Cl100k), ("o200k", TiktokenPattern.O200k), ("r50k", TiktokenPattern.R50k)),
        };
    }

    private static CameraInput Camera(CardNode camera)
    {
        double[] mean = camera.Optional("mean")?.Doubles() ?? [0, 0, 0];
        double[] std = camera.Optional("std")?.Doubles() ?? [1, 1, 1];
        if (mean.Length != 3 || std.Length != 3 || std.Any(s => !(s > 0)))
        {
            throw camera.Error("mean and std need three values each (R, G, B), std positive");
        }

        var image = new ImageInputSpec
        {
            Width = camera.Required("width").Int(1),
            Height = camera.Required("height").Int(1),
            Mode = camera.Optional("resize")?.Choice(("stretch", ResizeMode.Stretch), ("pad_to_square", ResizeMode.PadToSquare), ("center_crop", ResizeMode.CenterCrop)) ?? ResizeMode.Stretch,
            Layout = camera.Optional("layout")?.Choice(("nchw", TensorLayout.Nchw), ("nhwc", TensorLayout.Nhwc)) ?? TensorLayout.Nchw,
            Scale = camera.Optional("scale")?.Double() ?? (1 / 255.0),
            Mean = mean,
            Std = std,
        };
        return new CameraInput(camera.Required("input").String(), camera.Required("topic").String(), image, Positive(camera.Required("max_age")));
    }

    /// <summary>The <c>normalization</c> of a section: kind and its statistics, one value per joint.</summary>
    private static FeatureNormalizer Normalizer(CardNode section, int joints)
    {
        CardNode? n = section.Optional("normalization");
        if (n is null)
        {
            return FeatureNormalizer.Create(NormalizationKind.Identity, [], [], joints);
        }

        NormalizationKind kind = n.Required("kind").Choice(("identity", NormalizationKind.Identity), ("mean_std", NormalizationKind.MeanStd), ("min_max", NormalizationKind.MinMax), ("quantiles", NormalizationKind.Quantiles));
        (string a, string b) = kind switch
        {
            NormalizationKind.MeanStd => ("mean", "std"),
            NormalizationKind.MinMax => ("min", "max"),
            NormalizationKind.Quantiles => ("q01", "q99"),
            _ => (string.Empty, string.Empty),
        };
        if (kind == NormalizationKind.Identity)
        {
            return FeatureNormalizer.Create(kind, [], [], joints);
        }

        CardNode first = n.Required(a), second = n.Required(b);
        double[] x = first.Doubles(), y = second.Doubles();
        if (x.Length != joints || y.Length != joints)
        {
            throw n.Error($"{a} and {b} need one value per joint ({joints}); got {x.Length} and {y.Length}");
        }

        try
        {
            return FeatureNormalizer.Create(kind, x, y);
        }
        catch (ArgumentException e)
        {
            throw n.Error(e.Message);
        }
    }

    private static double Positive(CardNode node)
    {
        double d = node.Double();
        return d > 0 ? d : throw node.Error($"{d} must be positive");
    }
}
