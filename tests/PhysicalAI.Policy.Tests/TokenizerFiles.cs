using System.Text;
using Google.Protobuf;
using PhysicalAI.Policy.Cards;

namespace PhysicalAI.Policy.Tests;

/// <summary>
/// Tiny tokenizer files written for one test into a folder of their own, small enough that every id the
/// tests expect can be worked out by hand from what is written here.
/// </summary>
internal sealed class TokenizerFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-").FullName;

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Missing(string name) => Path.Combine(_folder, name);

    public static LanguageInput Language(string kind, string file, int padId, int eosId) => new(kind, file, 16, padId, eosId, "lang_tokens", "lang_mask");

    /// <summary>
    /// A SentencePiece <c>ModelProto</c> written field by field with the numbers of sentencepiece_model.proto:
    /// pieces (1: piece, 2: score, 3: type), trainer_spec (3: model_type, 40–43: unk, bos, eos, pad ids) and
    /// normalizer_spec (1: name, 3: add_dummy_prefix, 4: remove_extra_whitespaces, 5: escape_whitespaces).
    /// </summary>
    public static byte[] SentencePieceModel(IReadOnlyList<(string Piece, float Score, int Type)> pieces, int modelType, int unkId, int bosId, int eosId, int padId)
    {
        var model = new MemoryStream();
        using var output = new CodedOutputStream(model, leaveOpen: true);
        foreach ((string piece, float score, int type) in pieces)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Message(o =>
            {
                o.WriteTag(1, WireFormat.WireType.LengthDelimited);
                o.WriteString(piece);
                o.WriteTag(2, WireFormat.WireType.Fixed32);
                o.WriteFloat(score);
                o.WriteTag(3, WireFormat.WireType.Varint);
                o.WriteInt32(type);
            }));
        }

        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Message(o =>
        {
            foreach ((int field, int value) in new[] { (3, modelType), (4, pieces.Count), (40, unkId), (41, bosId), (42, eosId), (43, padId) })
            {
                o.WriteTag(field, WireFormat.WireType.Varint);
                o.WriteInt32(value);
            }
        }));

        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited);
            o.WriteString("identity");
            foreach (int field in new[] { 3, 4, 5 })
            {
                o.WriteTag(field, WireFormat.WireType.Varint);
                o.WriteBool(true);
            }
        }));

        output.Flush();
        return model.ToArray();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        var buffer = new MemoryStream();
        using var output = new CodedOutputStream(buffer, leaveOpen: true);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(buffer.ToArray());
    }
}
