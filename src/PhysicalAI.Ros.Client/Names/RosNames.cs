namespace PhysicalAI.Ros.Client.Names;

/// <summary>
/// ROS 2's name rules (rmw's validate_node_name, validate_namespace, validate_full_topic_name and rcl's
/// validate_topic_name), with their reasons verbatim so errors read as they do in rclcpp.
/// </summary>
public static class RosNames
{
    /// <summary>Node names longer than this are rejected (rmw warns; we refuse).</summary>
    public const int MaxNodeNameLength = 255;

    /// <summary>DDS allows 256 characters; 8 are kept for prefixes such as <c>rt/</c>, <c>rq/</c>, <c>rr/</c>.</summary>
    public const int MaxTopicNameLength = 255 - 8;

    /// <summary>Room is kept below the topic limit for the shortest node name under the namespace.</summary>
    public const int MaxNamespaceLength = MaxTopicNameLength - 2;

    /// <summary>Throws if <paramref name="name"/> is not a valid node name.</summary>
    /// <exception cref="NameValidationException">The name is invalid.</exception>
    public static void ValidateNodeName(string name)
    {
        if (TryValidateNodeName(name, out string? reason, out int index))
        {
            return;
        }

        throw new NameValidationException(NameKind.Node, name, reason!, index);
    }

    /// <summary>Checks a node name; returns false with rmw's reason and the offending index.</summary>
    public static bool TryValidateNodeName(string name, out string? reason, out int index)
    {
        reason = null;
        index = 0;
        if (name.Length == 0)
        {
            reason = "node name must not be empty";
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (!IsAlphanumeric(name[i]) && name[i] != '_')
            {
                reason = "node name must not contain characters other than alphanumerics or '_'";
                index = i;
                return false;
            }
        }

        if (char.IsAsciiDigit(name[0]))
        {
            reason = "node name must not start with a number";
            return false;
        }

        if (name.Length > MaxNodeNameLength)
        {
            reason = $"node name length should not exceed '{MaxNodeNameLength}'";
            index = MaxNodeNameLength;
            return false;
        }

        return true;
    }

    /// <summary>Throws if <paramref name="ns"/> is not a valid absolute namespace.</summary>
    /// <exception cref="NameValidationException">The namespace is invalid.</exception>
    public static void ValidateNamespace(string ns)
    {
        if (ns == "/")
        {
            return;
        }

        if (!TryValidateFullName(ns, "namespace", out string? reason, out int index))
        {
            throw new NameValidationException(NameKind.Namespace, ns, reason!, index);
        }

        if (ns.Length > MaxNamespaceLength)
        {
            throw new NameValidationException(NameKind.Namespace, ns, $"namespace should not exceed '{MaxNamespaceLength}'", MaxNamespaceLength);
        }
    }

    /// <summary>Throws if <paramref name="name"/> is not a valid fully qualified topic or service name.</summary>
    /// <exception cref="NameValidationException">The name is invalid.</exception>
    public static void ValidateFullTopicName(string name, NameKind kind = NameKind.FullTopic)
    {
        if (!TryValidateFullName(name, "topic name", out string? reason, out int index))
        {
            throw new NameValidationException(kind, name, reason!, index);
        }

        if (name.Length > MaxTopicNameLength)
        {
            throw new NameValidationException(kind, name, $"topic length should not exceed '{MaxTopicNameLength}'", MaxTopicNameLength);
        }
    }

    /// <summary>Throws if <paramref name="name"/> is not a valid topic name as written (relative, <c>~</c> and <c>{}</c> allowed).</summary>
    /// <exception cref="NameValidationException">The name is invalid.</exception>
    public static void ValidateTopicName(string name, NameKind kind = NameKind.Topic)
    {
        if (!TryValidateTopicName(name, out string? reason, out int index))
        {
            throw new NameValidationException(kind, name, reason!, index);
        }
    }

    /// <summary>rcl_validate_topic_name: checks a name before expansion.</summary>
    public static bool TryValidateTopicName(string name, out string? reason, out int index)
    {
        reason = null;
        index = 0;
        if (name.Length == 0)
        {
            reason = "topic name must not be empty string";
            return false;
        }

        if (char.IsAsciiDigit(name[0]))
        {
            reason = "topic name token must not start with a number";
            return false;
        }

        if (name[^1] == '/')
        {
            reason = "topic name must not end with a forward slash";
            index = name.Length - 1;
            return false;
        }

        int braceOpen = -1;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (braceOpen >= 0)
            {
                if (c == '}')
                {
                    braceOpen = -1;
                }
                else if (!IsAlphanumeric(c) && c != '_')
                {
                    reason = "substitution name must not contain characters other than alphanumerics or '_'";
                    index = i;
                    return false;
                }
                else if (i == braceOpen + 1 && char.IsAsciiDigit(c))
                {
                    reason = "substitution name must not start with a number";
                    index = i;
                    return false;
                }

                continue;
            }

            switch (c)
            {
                case '{':
                    braceOpen = i;
                    break;
                case '}':
                    reason = "topic name must not have unmatched (unbalanced) curly braces '{}'";
                    index = i;
                    return false;
                case '~' when i != 0:
                    reason = "topic name must not have tilde '~' unless it is the first character";
                    index = i;
                    return false;
                default:
                    if (!IsAlphanumeric(c) && c != '_' && c != '/' && c != '~')
                    {
                        reason = "topic name must not contain characters other than alphanumerics, '_', '~', '{', or '}'";
                        index = i;
                        return false;
                    }

                    break;
            }
        }

        if (braceOpen >= 0)
        {
            reason = "topic name must not have unmatched (unbalanced) curly braces '{}'";
            index = braceOpen;
            return false;
        }

        for (int i = 0; i + 1 < name.Length; i++)
        {
            if (name[i] == '/' && char.IsAsciiDigit(name[i + 1]))
            {
                reason = "topic name token must not start with a number";
                index = i + 1;
                return false;
            }
        }

        if (name.Length > 1 && name[0] == '~' && name[1] != '/')
        {
            reason = "topic name must not have a tilde '~' that is not followed by a forward slash '/'";
            index = 1;
            return false;
        }

        return true;
    }

    /// <summary>rmw_validate_full_topic_name (also behind namespace validation, with "namespace" in the reasons).</summary>
    private static bool TryValidateFullName(string name, string what, out string? reason, out int index)
    {
        reason = null;
        index = 0;
        if (name.Length == 0)
        {
            reason = $"{what} must not be empty";
            return false;
        }

        if (name[0] != '/')
        {
            reason = $"{what} must be absolute, it must lead with a '/'";
            return false;
        }

        if (name[^1] == '/')
        {
            reason = what == "namespace" ? "namespace must not end with a '/', unless only a '/'" : $"{what} must not end with a '/'";
            index = name.Length - 1;
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (!IsAlphanumeric(name[i]) && name[i] != '_' && name[i] != '/')
            {
                reason = $"{what} must not contain characters other than alphanumerics, '_', or '/'";
                index = i;
                return false;
            }
        }

        for (int i = 0; i + 1 < name.Length; i++)
        {
            if (name[i] == '/' && name[i + 1] == '/')
            {
                reason = $"{what} must not contain repeated '/'";
                index = i + 1;
                return false;
            }

            if (name[i] == '/' && char.IsAsciiDigit(name[i + 1]))
            {
                reason = $"{what} must not have a token that starts with a number";
                index = i + 1;
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);
}
