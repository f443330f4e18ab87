using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PhysicalAI.Ros.Interfaces.Generator.Model;

namespace PhysicalAI.Ros.Interfaces.Generator.Hashing;

/// <summary>
/// Computes ROS 2 (Jazzy) RIHS01 type hashes the way rosidl_generator_type_description does: SHA-256
/// over a JSON type description (fields' names and types, no defaults, no constants, no comments) with
/// every referenced type listed once, sorted by name.
/// </summary>
/// <remarks>
/// The JSON is written exactly as Python's <c>json.dumps(..., separators=(', ', ': '))</c> would write it,
/// key order included, since the hash is over those bytes.
/// </remarks>
internal sealed class TypeDescriptionHasher
{
    private const string ServiceEventInfo = "service_msgs/msg/ServiceEventInfo";
    private const string EmptyStructureMember = "structure_needs_at_least_one_member";

    private readonly Func<string, MessageSpec?> _lookup;
    private readonly Func<MessageSpec, FieldType, string> _resolve;

    /// <param name="lookup">Finds a message by its full ROS name (<c>pkg/msg/Name</c>).</param>
    /// <param name="resolve">Gives the full ROS name of a nested field type declared in a message.</param>
    public TypeDescriptionHasher(Func<string, MessageSpec?> lookup, Func<MessageSpec, FieldType, string> resolve)
    {
        _lookup = lookup;
        _resolve = resolve;
    }

    /// <summary>The RIHS01 hash of a message (or of one half of a service).</summary>
    public string HashMessage(MessageSpec message)
    {
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        CollectReferences(message, referenced);
        return Hash(DescribeMessage(message), referenced.Values);
    }

    /// <summary>
    /// The RIHS01 hash of a service: a type with request_message, response_message and event_message
    /// fields, where the event (<c>S_Event</c>) carries a ServiceEventInfo and at most one request and response.
    /// Returns null when ServiceEventInfo is unknown.
    /// </summary>
    public string? HashService(ServiceSpec service)
    {
        MessageSpec? eventInfo = _lookup(ServiceEventInfo);
        if (eventInfo is null)
        {
            return null;
        }

        string prefix = service.Package + "/srv/" + service.Name;
        string eventDescription = Describe(prefix + "_Event", new[]
        {
            FieldJson("info", 1, 0, 0, ServiceEventInfo),
            FieldJson("request", 1 + 96, 1, 0, prefix + "_Request"),
            FieldJson("response", 1 + 96, 1, 0, prefix + "_Response"),
        });

        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "_Event"] = eventDescription,
            [prefix + "_Request"] = DescribeMessage(service.Request),
            [prefix + "_Response"] = DescribeMessage(service.Response),
            [ServiceEventInfo] = DescribeMessage(eventInfo),
        };
        CollectReferences(service.Request, referenced);
        CollectReferences(service.Response, referenced);
        CollectReferences(eventInfo, referenced);

        string serviceDescription = Describe(prefix, new[]
        {
            FieldJson("request_message", 1, 0, 0, prefix + "_Request"),
            FieldJson("response_message", 1, 0, 0, prefix + "_Response"),
            FieldJson("event_message", 1, 0, 0, prefix + "_Event"),
        });
        return Hash(serviceDescription, referenced.Values);
    }

    /// <summary>The JSON text that is hashed, exposed for tests that compare it with rosidl's byte for byte.</summary>
    public string HashedJson(MessageSpec message)
    {
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        CollectReferences(message, referenced);
        return Document(DescribeMessage(message), referenced.Values);
    }

    private void CollectReferences(MessageSpec message, SortedDictionary<string, string> into)
    {
        foreach (FieldSpec field in message.Fields)
        {
            if (field.Type.Kind != PrimitiveKind.Nested)
            {
                continue;
            }

            string name = _resolve(message, field.Type);
            if (into.ContainsKey(name))
            {
                continue;
            }

            MessageSpec? nested = _lookup(name);
            if (nested is null)
            {
                continue;
            }

            into[name] = DescribeMessage(nested);
            CollectReferences(nested, into);
        }
    }

    private string DescribeMessage(MessageSpec message)
    {
        var fields = new List<string>();
        foreach (FieldSpec field in message.Fields)
        {
            FieldType t = field.Type;
            int offset = t.Array switch
            {
                ArrayKind.Fixed => 48,
                ArrayKind.BoundedSequence => 96,
                ArrayKind.UnboundedSequence => 144,
                _ => 0,
            };
            int id = PrimitiveInfo.TypeDescriptionId(t.Kind, t.StringBound >= 0) + offset;
            int capacity = t.IsArray && t.Array != ArrayKind.UnboundedSequence ? t.ArraySize : 0;
            int stringCapacity = t.StringBound >= 0 ? t.StringBound : 0;
            string nested = t.Kind == PrimitiveKind.Nested ? _resolve(message, t) : string.Empty;
            fields.Add(FieldJson(field.Name, id, capacity, stringCapacity, nested));
        }

        if (fields.Count == 0)
        {
            // rosidl gives empty structures one uint8 member, and it is part of the description.
            fields.Add(FieldJson(EmptyStructureMember, 3, 0, 0, string.Empty));
        }

        return Describe(message.RosName, fields);
    }

    private static string Describe(string typeName, IEnumerable<string> fields) =>
        "{\"type_name\": " + JsonString(typeName) + ", \"fields\": [" + string.Join(", ", fields) + "]}";

    private static string FieldJson(string name, int typeId, int capacity, int stringCapacity, string nestedTypeName) =>
        "{\"name\": " + JsonString(name)
        + ", \"type\": {\"type_id\": " + typeId.ToString(CultureInfo.InvariantCulture)
        + ", \"capacity\": " + capacity.ToString(CultureInfo.InvariantCulture)
        + ", \"string_capacity\": " + stringCapacity.ToString(CultureInfo.InvariantCulture)
        + ", \"nested_type_name\": " + JsonString(nestedTypeName) + "}}";

    private static string Document(string description, IEnumerable<string> referenced) =>
        "{\"type_description\": " + description + ", \"referenced_type_descriptions\": [" + string.Join(", ", referenced) + "]}";

    private static string Hash(string description, IEnumerable<string> referenced)
    {
        byte[] json = Encoding.UTF8.GetBytes(Document(description, referenced));
        using SHA256 sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(json);
        var sb = new StringBuilder("RIHS01_", 7 + 64);
        foreach (byte b in digest)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>A JSON string as Python writes it with ensure_ascii: non-ASCII as \uXXXX escapes.</summary>
    private static string JsonString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
