using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Language;

namespace PhysicalAI.Policy.Tests;

public class InstructionTokenizerLoaderTests
{
    private TokenizerFiles _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new TokenizerFiles();

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    [Test]
    public void TheWordVocabulary_IsOneOfTheKinds()
    {
        string vocab = _files.Write("vocab.txt", "<pad>\n<eos>\n<unk>\nreach\ncube\n");
        IInstructionTokenizer tokenizer = InstructionTokenizerLoader.Load(TokenizerFiles.Language("word_vocab", vocab, padId: 0, eosId: 1));
        var ids = new long[5];
        tokenizer.Encode("Reach the cube", ids, new long[5]);

        // reach(3), the → <unk>(2), cube(4), <eos>(1), <pad>(0): the lines of the file, numbered from 0.
        Assert.That(ids, Is.EqualTo(new long[] { 3, 2, 4, 1, 0 }));
    }

    [TestCase("bpe")]
    [TestCase("sentencepiece")]
    [TestCase("wordpiece")]
    [TestCase("tiktoken")]
    [TestCase("word_vocab")]
    public void AMissingFile_NamesTheFileAndTheKind(string kind)
    {
        string missing = _files.Missing("tokenizer.file");
        LanguageInput language = TokenizerFiles.Language(kind, missing, 0, 1) with { Merges = kind == "bpe" ? _files.Write("merges.txt", "a b\n") : null };
        Assert.That(() => InstructionTokenizerLoader.Load(language),
            Throws.TypeOf<PolicyModelException>().With.Message.StartsWith($"{missing}: cannot read the {kind} tokenizer file: "));
    }

    [Test]
    public void AFileOfAnotherKind_IsNotParsedAsThisOne()
    {
        // A WordPiece vocabulary given as a SentencePiece model, a tiktoken rank file or a BPE vocab.json.
        string vocab = _files.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nreach\n");
        string merges = _files.Write("merges.txt", "r e\n");
        Assert.Multiple(() =>
        {
            Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("sentencepiece", vocab, 0, 1)),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith($"{vocab}: not a sentencepiece tokenizer file (a serialized SentencePiece ModelProto): "));
            Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("tiktoken", vocab, 0, 1)),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith($"{vocab}: not a tiktoken tokenizer file (a .tiktoken rank file, 'base64-token rank' a line): "));
            Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("bpe", vocab, 0, 1) with { Merges = merges }),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith($"{vocab}: not a bpe tokenizer file (vocab.json, a JSON object of token to id): "));
        });
    }

    [Test]
    public void BrokenBpeMerges_AndAMissingMergesFile_AreNamed()
    {
        string vocab = _files.Write("vocab.json", """{"<pad>": 0, "<eos>": 1, "r": 2, "e": 3, "re": 4}""");
        string merges = _files.Write("merges.txt", "#version: 0.2\nr e\nre\n");
        Assert.Multiple(() =>
        {
            Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("bpe", vocab, 0, 1) with { Merges = merges }),
                Throws.TypeOf<PolicyModelException>().With.Message.EqualTo($"{merges}: not a bpe tokenizer file (merges.txt, one 'left right' pair a line): line 3: 're' is not a 'left right' pair"));
            Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("bpe", vocab, 0, 1)),
                Throws.TypeOf<PolicyModelException>().With.Message.EqualTo($"{vocab}: a bpe tokenizer needs its merges file (merges.txt) as 'merges' beside 'file' (vocab.json)"));
        });
    }

    [Test]
    public void PadAndEosIds_MustBeIdsOfTheVocabulary()
    {
        string vocab = _files.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("wordpiece", vocab, padId: 0, eosId: 5)),
            Throws.TypeOf<PolicyModelException>().With.Message.EqualTo($"{vocab} (wordpiece): pad id 0 and eos id 5 must be ids of the vocabulary (0..4)"));
    }

    [Test]
    public void AnUnknownKind_IsAClearError()
    {
        Assert.That(() => InstructionTokenizerLoader.Load(TokenizerFiles.Language("gpt", "tok.json", 0, 1)),
            Throws.TypeOf<PolicyModelException>().With.Message.EqualTo("tok.json: 'gpt' is not a tokenizer kind; expected one of bpe, sentencepiece, wordpiece, tiktoken, word_vocab"));
    }
}
