using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Language;

namespace PhysicalAI.Policy.Tests;

public class WordVocabularyTokenizerTests
{
    private static readonly string[] Vocabulary = ["<pad>", "<eos>", "<unk>", "reach", "the", "red", "cube", "."];

    private static (long[] Ids, long[] Mask, int Count) Encode(string text, int length)
    {
        var tokenizer = new WordVocabularyTokenizer(Vocabulary, padId: 0, eosId: 1, "vocab.txt");
        var ids = new long[length];
        var mask = new long[length];
        int count = tokenizer.Encode(text, ids, mask);
        return (ids, mask, count);
    }

    [Test]
    public void AnInstruction_IsLowerCasedWordsAndPunctuation_ThenEos_ThenPadding()
    {
        (long[] ids, long[] mask, int count) = Encode("Reach the RED cube.", 8);
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new long[] { 3, 4, 5, 6, 7, 1, 0, 0 }));
            Assert.That(mask, Is.EqualTo(new long[] { 1, 1, 1, 1, 1, 1, 0, 0 }));
            Assert.That(count, Is.EqualTo(6));
        });
    }

    [Test]
    public void UnknownWords_AreUnk_AndALongInstructionIsCutKeepingEos()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Encode("reach the purple cube", 8).Ids, Is.EqualTo(new long[] { 3, 4, 2, 6, 1, 0, 0, 0 }));
            Assert.That(Encode("reach the red cube", 3).Ids, Is.EqualTo(new long[] { 3, 4, 1 }));
            Assert.That(Encode("reach the red cube", 3).Mask, Is.EqualTo(new long[] { 1, 1, 1 }));
        });
    }

    [Test]
    public void BadVocabularies_AreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new WordVocabularyTokenizer(["<pad>", "<eos>", "cube"], 0, 1, "vocab.txt"),
                Throws.TypeOf<PolicyModelException>().With.Message.EqualTo("vocab.txt: the vocabulary has no '<unk>' token for words it does not know"));
            Assert.That(() => new WordVocabularyTokenizer(["<pad>", "<eos>", "<unk>", "cube", "cube"], 0, 1, "vocab.txt"),
                Throws.TypeOf<PolicyModelException>().With.Message.EqualTo("vocab.txt:5: 'cube' is listed twice"));
            Assert.That(() => WordVocabularyTokenizer.Load("no/such/vocab.txt", 0, 1),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith("no/such/vocab.txt: cannot read the word_vocab tokenizer file:"));
        });
    }

    [Test]
    public void EncodingAllocatesNothing()
    {
        var tokenizer = new WordVocabularyTokenizer(Vocabulary, 0, 1, "vocab.txt");
        var ids = new long[16];
        var mask = new long[16];
        const string instruction = "Reach the red cube.";
        tokenizer.Encode(instruction, ids, mask);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            tokenizer.Encode(instruction, ids, mask);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
