using System;
using System.Text;

namespace PhysicalAI.Ros.Interfaces.Generator.Emit;

/// <summary>A string builder that keeps indentation, so emitters read like the code they write.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> (if any) and an opening brace, then indents.</summary>
    public SourceWriter Open(string line)
    {
        if (line.Length > 0)
        {
            Line(line);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> block, one line per text line, XML-escaped.</summary>
    public SourceWriter Doc(string tag, string text, string? attributes = null)
    {
        string open = attributes is null ? "<" + tag + ">" : "<" + tag + " " + attributes + ">";
        Line("/// " + open);
        foreach (string part in text.Split(new[] { '\n' }, StringSplitOptions.None))
        {
            Line("/// " + Escape(part));
        }

        return Line("/// </" + tag + ">");
    }

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _text.ToString();
}
