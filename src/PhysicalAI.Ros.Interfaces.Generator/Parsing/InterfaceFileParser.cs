using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PhysicalAI.Ros.Interfaces.Generator.Model;

namespace PhysicalAI.Ros.Interfaces.Generator.Parsing;

/// <summary>
/// Parses the text of a ROS 2 .msg or .srv file into a <see cref="ParsedInterfaceFile"/>, following
/// rosidl_adapter's grammar: one declaration per line, <c>#</c> comments, constants as
/// <c>TYPE NAME=VALUE</c>, fields as <c>TYPE name [DEFAULT]</c>, and <c>---</c> between a service's
/// request and response. Every problem becomes a diagnostic on its line; parsing goes on so one run
/// reports them all.
/// </summary>
internal sealed class InterfaceFileParser
{
    private static readonly Regex PackageName = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex TypeName = new("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldName = new("^(?!.*__)(?!.*_$)[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex ConstantName = new("^(?!.*__)(?!.*_$)[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex TypeSyntax = new(
        @"^(?<base>[A-Za-z][A-Za-z0-9_]*(?:/[A-Za-z][A-Za-z0-9_]*)?)(?:<=(?<sbound>[0-9]+))?(?:\[(?<arr>(?:<=)?[0-9]*)\])?$",
        RegexOptions.CultureInvariant);
    private static readonly Regex ConstantSyntax = new(@"^(?<name>[A-Za-z0-9_]+)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldSyntax = new(@"^(?<name>\S+)(?:\s+(?<value>.*))?$", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private InterfaceFileParser(string path) => _path = path;

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="path"/>.</summary>
    public static ParsedInterfaceFile Parse(string path, string text)
    {
        var parser = new InterfaceFileParser(path);
        return parser.ParseFile(text);
    }

    /// <summary>Splits a path into package, subfolder (msg or srv) and type name, or explains why it can't.</summary>
    public static bool TryLocate(string path, out string package, out string subfolder, out string name, out string problem)
    {
        package = subfolder = name = problem = string.Empty;
        string[] parts = path.Replace('\\', '/').Split('/');
        if (parts.Length < 3)
        {
            problem = "the path has no package folder";
            return false;
        }

        string file = parts[parts.Length - 1];
        subfolder = parts[parts.Length - 2];
        package = parts[parts.Length - 3];
        int dot = file.LastIndexOf('.');
        string extension = dot < 0 ? string.Empty : file.Substring(dot + 1);
        name = dot < 0 ? file : file.Substring(0, dot);
        if (subfolder is not ("msg" or "srv") || extension != subfolder)
        {
            problem = $"'{file}' is in folder '{subfolder}'; .msg files belong in msg/ and .srv files in srv/";
            return false;
        }

        if (!PackageName.IsMatch(package))
        {
            problem = $"package name '{package}' must be lower case letters, digits and underscores, starting with a letter";
            return false;
        }

        if (!TypeName.IsMatch(name))
        {
            problem = $"type name '{name}' must be PascalCase letters and digits";
            return false;
        }

        return true;
    }

    private ParsedInterfaceFile ParseFile(string text)
    {
        if (!TryLocate(_path, out string package, out string subfolder, out string name, out string problem))
        {
            Report(DiagnosticDescriptors.InvalidFileLocation, 0, 0, 0, _path, problem);
            return new ParsedInterfaceFile(null, null, _diagnostics.ToEquatableArray());
        }

        string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (subfolder == "msg")
        {
            MessageSpec message = ParseMessage(package, subfolder, name, lines, 0, lines.Length);
            return new ParsedInterfaceFile(message, null, _diagnostics.ToEquatableArray());
        }

        var separators = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (StripComment(lines[i]).Trim() == "---")
            {
                separators.Add(i);
            }
        }

        if (separators.Count != 1)
        {
            int line = separators.Count > 1 ? separators[1] : 0;
            Report(DiagnosticDescriptors.ServiceSeparator, line, 0, lines[line].Length, separators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new ParsedInterfaceFile(null, null, _diagnostics.ToEquatableArray());
        }

        int split = separators[0];
        MessageSpec request = ParseMessage(package, subfolder, name + "_Request", lines, 0, split);
        MessageSpec response = ParseMessage(package, subfolder, name + "_Response", lines, split + 1, lines.Length);
        var service = new ServiceSpec(package, name, request, response, request.Comment, _path);
        return new ParsedInterfaceFile(null, service, _diagnostics.ToEquatableArray());
    }

    private MessageSpec ParseMessage(string package, string subfolder, string name, string[] lines, int start, int end)
    {
        var fields = new List<FieldSpec>();
        var constants = new List<ConstantSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pendingComment = new List<string>();
        var fileComment = new List<string>();
        bool inFileComment = true;

        for (int lineIndex = start; lineIndex < end; lineIndex++)
        {
            string raw = lines[lineIndex].Replace('\t', ' ');
            string declaration = StripComment(raw, out string? trailing).Trim();
            if (declaration.Length == 0)
            {
                if (trailing is null)
                {
                    // A blank line ends the leading block that documents the whole message.
                    inFileComment = false;
                    pendingComment.Clear();
                }
                else if (inFileComment)
                {
                    fileComment.Add(trailing);
                }
                else
                {
                    pendingComment.Add(trailing);
                }

                continue;
            }

            inFileComment = false;
            string comment = string.Join("\n", trailing is null ? pendingComment : pendingComment.Concat(new[] { trailing }));
            pendingComment.Clear();
            ParseDeclaration(package, name, declaration, comment, lineIndex, raw, fields, constants, names);
        }

        return new MessageSpec(
            package,
            subfolder,
            name,
            fields.ToEquatableArray(),
            constants.ToEquatableArray(),
            string.Join("\n", fileComment),
            _path);
    }

    private void ParseDeclaration(
        string package,
        string messageName,
        string declaration,
        string comment,
        int line,
        string raw,
        List<FieldSpec> fields,
        List<ConstantSpec> constants,
        HashSet<string> names)
    {
        int column = raw.IndexOf(declaration, StringComparison.Ordinal);
        int endColumn = column + declaration.Length;
        int space = declaration.IndexOf(' ');
        if (space < 0)
        {
            Report(DiagnosticDescriptors.MalformedLine, line, column, endColumn, declaration, "expected '<type> <name> [default]' or '<type> <NAME>=<value>'");
            return;
        }

        string typeText = declaration.Substring(0, space);
        string rest = declaration.Substring(space + 1).Trim();
        FieldType? type = ParseType(typeText, package, line, column);
        if (type is null)
        {
            return;
        }

        Match constant = ConstantSyntax.Match(rest);
        if (constant.Success)
        {
            string constantName = constant.Groups["name"].Value;
            if (!ConstantName.IsMatch(constantName))
            {
                Report(DiagnosticDescriptors.InvalidName, line, column, endColumn, "constant", constantName,
                    "constant names are UPPER_CASE letters, digits and single underscores, starting with a letter");
                return;
            }

            if (type.Kind == PrimitiveKind.Nested || type.IsArray)
            {
                Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, constant.Groups["value"].Value, "constant", constantName,
                    "constants must have a primitive, non-array type");
                return;
            }

            string? literal = ValueLiteral.Scalar(type.Kind, constant.Groups["value"].Value, type.StringBound, out string? error);
            if (literal is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, constant.Groups["value"].Value, "constant", constantName, error ?? "invalid");
                return;
            }

            if (!names.Add(constantName))
            {
                Report(DiagnosticDescriptors.DuplicateName, line, column, endColumn, constantName, package + "/" + messageName);
                return;
            }

            constants.Add(new ConstantSpec(constantName, type.Kind, literal, declaration, comment));
            return;
        }

        Match field = FieldSyntax.Match(rest);
        string fieldName = field.Groups["name"].Value;
        if (!FieldName.IsMatch(fieldName))
        {
            Report(DiagnosticDescriptors.InvalidName, line, column, endColumn, "field", fieldName,
                "field names are lower_case letters, digits and single underscores, starting with a letter and not ending with '_'");
            return;
        }

        string? defaultValue = null;
        if (field.Groups["value"].Success && field.Groups["value"].Value.Trim().Length > 0)
        {
            defaultValue = ParseDefault(type, field.Groups["value"].Value.Trim(), fieldName, line, column, endColumn);
            if (defaultValue is null)
            {
                return;
            }
        }

        if (!names.Add(fieldName))
        {
            Report(DiagnosticDescriptors.DuplicateName, line, column, endColumn, fieldName, package + "/" + messageName);
            return;
        }

        fields.Add(new FieldSpec(fieldName, type, defaultValue, declaration, comment, line));
    }

    private FieldType? ParseType(string text, string package, int line, int column)
    {
        int endColumn = column + text.Length;
        Match match = TypeSyntax.Match(text);
        if (!match.Success)
        {
            Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, text,
                "expected a primitive (bool, byte, char, float32, float64, int8..uint64, string, wstring), 'Type' or 'package/Type', optionally with <=N for strings and [], [N] or [<=N]");
            return null;
        }

        string baseText = match.Groups["base"].Value;
        int stringBound = -1;
        PrimitiveKind kind;
        string? nestedPackage = null;
        string? nestedName = null;

        if (PrimitiveInfo.TryParse(baseText, out kind))
        {
            if (match.Groups["sbound"].Success)
            {
                if (!PrimitiveInfo.IsStringLike(kind))
                {
                    Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, text, "only string and wstring take an upper bound '<=N'");
                    return null;
                }

                stringBound = ParseCount(match.Groups["sbound"].Value, text, line, column, endColumn, allowZero: true);
                if (stringBound < 0)
                {
                    return null;
                }
            }
        }
        else
        {
            kind = PrimitiveKind.Nested;
            if (match.Groups["sbound"].Success)
            {
                Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, text, "only string and wstring take an upper bound '<=N'");
                return null;
            }

            int slash = baseText.IndexOf('/');
            nestedPackage = slash < 0 ? null : baseText.Substring(0, slash);
            nestedName = slash < 0 ? baseText : baseText.Substring(slash + 1);
            if (nestedPackage is null && nestedName == "Header")
            {
                // rosidl keeps ROS 1's shorthand: a bare Header is std_msgs/Header.
                nestedPackage = "std_msgs";
            }

            if (nestedPackage is not null && !PackageName.IsMatch(nestedPackage))
            {
                Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, text, $"'{nestedPackage}' is not a valid package name");
                return null;
            }

            if (!TypeName.IsMatch(nestedName))
            {
                Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, text,
                    $"'{nestedName}' is neither a primitive type nor a PascalCase message name");
                return null;
            }
        }

        ArrayKind array = ArrayKind.None;
        int size = 0;
        if (match.Groups["arr"].Success)
        {
            string spec = match.Groups["arr"].Value;
            if (spec.Length == 0)
            {
                array = ArrayKind.UnboundedSequence;
            }
            else if (spec.StartsWith("<=", StringComparison.Ordinal))
            {
                array = ArrayKind.BoundedSequence;
                size = ParseCount(spec.Substring(2), text, line, column, endColumn, allowZero: false);
            }
            else
            {
                array = ArrayKind.Fixed;
                size = ParseCount(spec, text, line, column, endColumn, allowZero: false);
            }

            if (size < 0)
            {
                return null;
            }
        }

        return new FieldType(kind, nestedPackage, nestedName, stringBound, array, size);
    }

    private int ParseCount(string digits, string typeText, int line, int column, int endColumn, bool allowZero)
    {
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            || (!allowZero && value == 0))
        {
            Report(DiagnosticDescriptors.UnknownType, line, column, endColumn, typeText,
                $"'{digits}' is not a valid size (a positive integer below 2^31)");
            return -1;
        }

        return value;
    }

    private string? ParseDefault(FieldType type, string text, string fieldName, int line, int column, int endColumn)
    {
        if (type.Kind == PrimitiveKind.Nested)
        {
            Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, text, "field", fieldName, "fields of message type cannot have default values");
            return null;
        }

        string csType = PrimitiveInfo.CSharpType(type.Kind);
        if (!type.IsArray)
        {
            string? literal = ValueLiteral.Scalar(type.Kind, text, type.StringBound, out string? error);
            if (literal is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, text, "field", fieldName, error ?? "invalid");
            }

            return literal;
        }

        List<string>? items = ValueLiteral.SplitArray(text, out string? splitError);
        if (items is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, text, "field", fieldName, splitError ?? "invalid");
            return null;
        }

        if ((type.Array == ArrayKind.Fixed && items.Count != type.ArraySize)
            || (type.Array == ArrayKind.BoundedSequence && items.Count > type.ArraySize))
        {
            string expected = type.Array == ArrayKind.Fixed ? $"exactly {type.ArraySize}" : $"at most {type.ArraySize}";
            Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, text, "field", fieldName,
                $"{items.Count} element(s) given, the type needs {expected}");
            return null;
        }

        var literals = new StringBuilder();
        foreach (string item in items)
        {
            string? literal = ValueLiteral.Scalar(type.Kind, item, type.StringBound, out string? error);
            if (literal is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, line, column, endColumn, text, "field", fieldName, $"element '{item}': {error}");
                return null;
            }

            literals.Append(literals.Length == 0 ? string.Empty : ", ").Append(literal);
        }

        return $"new {csType}[] {{ {literals} }}";
    }

    /// <summary>Cuts a line at its first '#' outside quotes.</summary>
    private static string StripComment(string line) => StripComment(line, out _);

    private static string StripComment(string line, out string? comment)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                comment = line.Substring(i + 1).Trim();
                return line.Substring(0, i);
            }
        }

        comment = null;
        return line;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int line, int startColumn, int endColumn, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, line, Math.Max(0, startColumn), Math.Max(0, endColumn), arguments));
}
