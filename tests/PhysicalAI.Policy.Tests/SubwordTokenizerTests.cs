using System.Text;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Language;

namespace PhysicalAI.Policy.Tests;

/// <summary>
/// Each library kind on a tokenizer small enough to run by hand; the comments give the reasoning that
/// yields the expected ids, which are not taken from the library.
/// </summary>
public class SubwordTokenizerTests
{
    private TokenizerFiles _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new TokenizerFiles();

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    private static long[] Ids(IInstructionTokenizer tokenizer, string text, int length)
    {
        var ids = new long[length];
        tokenizer.Encode(text, ids, new long[length]);
        return ids;
    }

    private IInstructionTokenizer Bpe()
    {
        // Byte-level: a space is the character 'Ġ'. Ids 0 and 1 are the pad and end tokens.
        string vocab = _files.Write("vocab.json", """
            {"<pad>": 0, "<|endoftext|>": 1, "r": 2, "e": 3, "a": 4, "c": 5, "h": 6, "t": 7, "u": 8, "b": 9, "Ġ": 10,
             "re": 11, "ac": 12, "reac": 13, "Ġt": 14, "he": 15, "Ġthe": 16, "cu": 17}
            """);
        string merges = _files.Write("merges.txt", "#version: 0.2\nr e\na c\nre ac\nĠ t\nh e\nĠt he\nc u\n");
        return InstructionTokenizerLoader.Load(TokenizerFiles.Language("bpe", vocab, padId: 0, eosId: 1) with { Merges = merges });
    }

    [Test]
    public void Bpe_AppliesTheMergesInRankOrder_WithinGpt2Pieces()
    {
        // GPT-2's pattern splits "reach the cube" into "reach", "Ġthe", "Ġcube". Merging the best-ranked pair each time:
        //   r e a c h → re a c h (rank 0) → re ac h (rank 1) → reac h (rank 2): 13, 6
        //   Ġ t h e  → Ġt h e (rank 3) → Ġt he (rank 4) → Ġthe (rank 5): 16
        //   Ġ c u b e → Ġ cu b e (rank 6), nothing further: 10, 17, 9, 3
        // then the card's eos 1 and pad 0.
        Assert.That(Ids(Bpe(), "reach the cube", 10), Is.EqualTo(new long[] { 13, 6, 16, 10, 17, 9, 3, 1, 0, 0 }));
    }

    [Test]
    public void WordPiece_SplitsWordsIntoHashPieces_AndUnknownWordsAreUnkWhole()
    {
        string vocab = _files.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\npick\nup\nthe\nred\ncube\n##s\nblock\n.\n");
        IInstructionTokenizer tokenizer = InstructionTokenizerLoader.Load(TokenizerFiles.Language("wordpiece", vocab, padId: 0, eosId: 3));

        // Lower-cased, punctuation split off: pick(5) up(6) the(7) purple→[UNK](1) blocky→[UNK](1), since
        // "block" leaves "##y", which is not a piece, and BERT then gives up on the whole word;
        // cubes → cube(9) ##s(10); "."(12); then [SEP](3) as the card's eos and [PAD](0). No [CLS].
        Assert.That(Ids(tokenizer, "Pick up the purple blocky CUBES.", 12), Is.EqualTo(new long[] { 5, 6, 7, 1, 1, 9, 10, 12, 3, 0, 0, 0 }));
    }

    [Test]
    public void WordPiece_KeepsCase_WhenTheCardSaysSo()
    {
        string vocab = _files.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\npick\nup\n");
        LanguageInput cased = TokenizerFiles.Language("wordpiece", vocab, padId: 0, eosId: 3) with { LowerCase = false };

        // The vocabulary is lower-case, so "Pick" is unknown once case is kept; "up" is 6 either way.
        Assert.Multiple(() =>
        {
            Assert.That(Ids(InstructionTokenizerLoader.Load(cased), "Pick up", 4), Is.EqualTo(new long[] { 1, 6, 3, 0 }));
            Assert.That(Ids(InstructionTokenizerLoader.Load(cased with { LowerCase = true }), "Pick up", 4), Is.EqualTo(new long[] { 5, 6, 3, 0 }));
        });
    }

    private string TiktokenRanks()
    {
        string[] tokens = ["r", "e", "a", "c", "h", "t", "u", "b", " ", "re", "ac", "reac", " t", "he", " the", "cu", "reach", "1", "2", "3", "4", "5", "12", "123", "45", "12345"];
        return _files.Write("ranks.tiktoken", string.Concat(tokens.Select((t, rank) => $"{Convert.ToBase64String(Encoding.UTF8.GetBytes(t))} {rank}\n")));
    }

    [Test]
    public void Tiktoken_MergesTheLowestRankedPair_WithinCl100kPieces()
    {
        IInstructionTokenizer tokenizer = InstructionTokenizerLoader.Load(TokenizerFiles.Language("tiktoken", TiktokenRanks(), padId: 27, eosId: 26));

        // cl100k splits "reach the cube" into "reach", " the", " cube". Merging the pair whose join ranks lowest:
        //   r e a c h → re a c h (9) → re ac h (10) → reac h (11) → reach (16)
        //   " " t h e → " t" h e (12) → " t" he (13) → " the" (14)
        //   " " c u b e → " " cu b e (15), no join of those is ranked: 8, 15, 7, 1
        // The eos 26 lies past the ranks, as <|endoftext|> does in real files.
        Assert.That(Ids(tokenizer, "reach the cube", 10), Is.EqualTo(new long[] { 16, 14, 8, 15, 7, 1, 26, 27, 27, 27 }));
    }

    [Test]
    public void Tiktoken_SplitsWithThePatternTheCardNames()
    {
        LanguageInput language = TokenizerFiles.Language("tiktoken", TiktokenRanks(), padId: 27, eosId: 26);

        // cl100k takes digits three at a time: "123" → 12 3 → 123 (23), "45" (24).
        // r50k keeps "12345" one piece: 12 3 4 5 → 123 4 5 → 123 45 → 12345 (25).
        Assert.Multiple(() =>
        {
            Assert.That(Ids(InstructionTokenizerLoader.Load(language), "12345", 4), Is.EqualTo(new long[] { 23, 24, 26, 27 }));
            Assert.That(Ids(InstructionTokenizerLoader.Load(language with { Pattern = TiktokenPattern.R50k }), "12345", 4), Is.EqualTo(new long[] { 25, 26, 27, 27 }));
        });
    }

    private IInstructionTokenizer SentencePiece()
    {
        (string, float, int)[] pieces =
        [
            ("<pad>", 0, 3), ("</s>", 0, 3), ("<unk>", 0, 2), ("<s>", 0, 3),
            ("▁reach", -2.0f, 1), ("▁re", -1.5f, 1), ("ach", -1.5f, 1), ("▁the", -1.0f, 1),
            ("▁", -2.0f, 1), ("cu", -2.5f, 1), ("be", -2.5f, 1), ("c", -4.0f, 1), ("u", -4.0f, 1), ("b", -4.0f, 1), ("e", -4.0f, 1),
        ];
        string model = _files.Write("spm.model", TokenizerFiles.SentencePieceModel(pieces, modelType: 1, unkId: 2, bosId: 3, eosId: 1, padId: 0));
        return InstructionTokenizerLoader.Load(TokenizerFiles.Language("sentencepiece", model, padId: 0, eosId: 1));
    }

    [Test]
    public void SentencePiece_Unigram_TakesTheBestScoringSegmentation()
    {
        // "reach the cube" becomes "▁reach▁the▁cube". Best total score per word:
        //   ▁reach: whole -2.0 beats ▁re + ach = -3.0 → 4
        //   ▁the: the only segmentation without unknown characters → 7
        //   ▁cube: ▁ + cu + be = -7.0 beats ▁ + c + u + be = -12.5 and ▁ + cu + b + e = -12.5 → 8, 9, 10
        // then the card's eos 1 (</s>) and pad 0. The model's own <s> is not added.
        Assert.That(Ids(SentencePiece(), "reach the cube", 8), Is.EqualTo(new long[] { 4, 7, 8, 9, 10, 1, 0, 0 }));
    }

    [Test]
    public void EveryKind_CutsToKeepEos_AndMasksOnlyPadding()
    {
        // The same token runs as above, framed into 4 and 9 places: cut to 3 tokens and eos, or eos and padding.
        var ids = new long[4];
        var mask = new long[4];
        var longIds = new long[9];
        var longMask = new long[9];
        IInstructionTokenizer bpe = Bpe();
        int cut = bpe.Encode("reach the cube", ids, mask);
        int padded = SentencePiece().Encode("reach the cube", longIds, longMask);
        Assert.Multiple(() =>
        {
            Assert.That((ids, mask, cut), Is.EqualTo((new long[] { 13, 6, 16, 1 }, new long[] { 1, 1, 1, 1 }, 4)));
            Assert.That((longIds, longMask, padded), Is.EqualTo((new long[] { 4, 7, 8, 9, 10, 1, 0, 0, 0 }, new long[] { 1, 1, 1, 1, 1, 1, 0, 0, 0 }, 6)));
            Assert.That(() => bpe.Encode("reach", new long[4], new long[3]), Throws.ArgumentException);
        });
    }
}
