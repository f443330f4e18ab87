using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Microsoft.ML.Tokenizers;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Language;

/// <summary>
/// Builds the instruction tokenizer a policy card names. A file that cannot be read, or is not what its kind
/// needs, is a <see cref="PolicyModelException"/> naming the file and the kind. Every kind is framed alike
/// (see <see cref="IInstructionTokenizer"/>): the library's own begin and end tokens are turned off, so the
/// card's eos id is the one end token, for every kind.
/// </summary>
public static class InstructionTokenizerLoader
{
    public const string Bpe = "bpe";
    public const string SentencePiece = "sentencepiece";
    public const string WordPiece = "wordpiece";
    public const string Tiktoken = "tiktoken";
    public const string WordVocabulary = "word_vocab";

    /// <summary>The kinds a card may name, in the order errors list them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Bpe, SentencePiece, WordPiece, Tiktoken, WordVocabulary];

    /// <summary>Reads the tokenizer file(s) of <paramref name="language"/>.</summary>
    public static IInstructionTokenizer Load(LanguageInput language) => language.Tokenizer switch
    {
        Bpe => LoadBpe(language),
        SentencePiece => LoadSentencePiece(language),
        WordPiece => LoadWordPiece(language),
        Tiktoken => LoadTiktoken(language),
        WordVocabulary => WordVocabularyTokenizer.Load(language.File, language.PadId, language.EosId),
        _ => throw new PolicyModelException($"{language.File}: '{language.Tokenizer}' is not a tokenizer kind; expected one of {string.Join(", ", Kinds)}"),
    };

    /// <summary>The pattern's regular expression, as Microsoft.ML.Tokenizers spells tiktoken's (possessive quantifiers as atomic groups).</summary>
    public static string Expression(TiktokenPattern pattern) => pattern switch
    {
        TiktokenPattern.Cl100k => @"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)$|\s*[\r\n]|\s+(?!\S)|\s",
        TiktokenPattern.O200k => @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+",
        TiktokenPattern.R50k => @"'(?:[sdmt]|ll|ve|re)| ?(?>\p{L}+)| ?(?>\p{N}+)| ?(?>[^\s\p{L}\p{N}]+)|(?>\s+)$|\s+(?!\S)|\s",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null),
    };

    /// <summary>GPT-2-style byte-level BPE: <c>file</c> is vocab.json (token → id), <c>merges</c> is merges.txt.</summary>
    private static SubwordTokenizer LoadBpe(LanguageInput language)
    {
        string mergesFile = language.Merges ?? throw new PolicyModelException($"{language.File}: a bpe tokenizer needs its merges file (merges.txt) as 'merges' beside 'file' (vocab.json)");
        byte[] vocabBytes = Read(language.File, Bpe), mergesBytes = Read(mergesFile, Bpe);
        Dictionary<string, int> vocabulary = Parse(language.File, Bpe, "vocab.json, a JSON object of token to id", () =>
            JsonSerializer.Deserialize<Dictionary<string, int>>(vocabBytes) ?? throw new FormatException("null instead of an object"));
        List<string> merges = Parse(mergesFile, Bpe, "merges.txt, one 'left right' pair a line", () => Merges(mergesBytes));
        BpeTokenizer tokenizer = Parse(mergesFile, Bpe, "merges of tokens the vocabulary has", () => BpeTokenizer.Create(new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = Split(language.Pattern ?? TiktokenPattern.R50k),
        }));
        return Frame(language, tokenizer, vocabulary.Count == 0 ? 0 : vocabulary.Values.Max() + 1);
    }

    /// <summary>A SentencePiece model (.model, a serialized ModelProto), unigram or BPE.</summary>
    private static SubwordTokenizer LoadSentencePiece(LanguageInput language)
    {
        byte[] bytes = Read(language.File, SentencePiece);
        SentencePieceTokenizer tokenizer = Parse(language.File, SentencePiece, "a serialized SentencePiece ModelProto", () =>
            SentencePieceTokenizer.Create(new MemoryStream(bytes), addBeginningOfSentence: false, addEndOfSentence: false));
        return Frame(language, tokenizer, tokenizer.Vocabulary.Values.Max() + 1);
    }

    /// <summary>A BERT vocab.txt (id = line number), with BERT's basic splitting and optional lower-casing.</summary>
    private static SubwordTokenizer LoadWordPiece(LanguageInput language)
    {
        byte[] bytes = Read(language.File, WordPiece);
        BertTokenizer tokenizer = Parse(language.File, WordPiece, "vocab.txt, one token a line, with [UNK], [CLS], [SEP], [PAD] and [MASK]", () =>
            BertTokenizer.Create(new MemoryStream(bytes), new BertOptions
            {
                LowerCaseBeforeTokenization = language.LowerCase,

                // Uncased BERT vocabularies also drop accents; cased ones keep them.
                RemoveNonSpacingMarks = language.LowerCase,
            }));
        return Frame(language, tokenizer, Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n').Split('\n').Length);
    }

    /// <summary>A .tiktoken rank file (base64 token, rank), split with the card's pattern (cl100k unless it says).</summary>
    private static SubwordTokenizer LoadTiktoken(LanguageInput language)
    {
        byte[] bytes = Read(language.File, Tiktoken);
        TiktokenTokenizer tokenizer = Parse(language.File, Tiktoken, "a .tiktoken rank file, 'base64-token rank' a line", () =>
            TiktokenTokenizer.Create(new MemoryStream(bytes), Split(language.Pattern ?? TiktokenPattern.Cl100k), normalizer: null, specialTokens: null));

        // Special tokens such as <|endoftext|> are numbered past the ranks, so the pad and eos ids cannot be checked against the file.
        return Frame(language, tokenizer, vocabularySize: null);
    }

    private static RegexPreTokenizer Split(TiktokenPattern pattern) => new(new Regex(Expression(pattern), RegexOptions.Compiled), null);

    private static SubwordTokenizer Frame(LanguageInput language, Tokenizer tokenizer, int? vocabularySize) =>
        new(tokenizer, language.PadId, language.EosId, vocabularySize, $"{language.File} ({language.Tokenizer})");

    private static byte[] Read(string path, string kind)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyModelException($"{path}: cannot read the {kind} tokenizer file: {e.Message}");
        }
    }

    /// <summary>Runs a library parser; whatever it throws on a malformed file becomes an error naming the file, the kind and what was expected.</summary>
    private static T Parse<T>(string path, string kind, string expected, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidProtocolBufferException or ArgumentException
            or InvalidOperationException or NotSupportedException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
        {
            throw new PolicyModelException($"{path}: not a {kind} tokenizer file ({expected}): {e.Message}");
        }
    }

    private static List<string> Merges(byte[] bytes)
    {
        List<string> merges = [];
        string[] lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');

            // Hugging Face writes a '#version' header; blank lines carry nothing.
            if (line.Length == 0 || (i == 0 && line.StartsWith("#version", StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.Split(' ') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                throw new FormatException($"line {i + 1}: '{line}' is not a 'left right' pair");
            }

            merges.Add(line);
        }

        return merges;
    }
}
