namespace PhysicalAI.Ros.Interfaces;

/// <summary>Array plumbing shared by the generated message types.</summary>
public static class RosArrays
{
    /// <summary>A fixed-size array of new messages, as a <c>T[N]</c> field of message type starts out.</summary>
    public static T[] Create<T>(int count)
        where T : new()
    {
        var items = new T[count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new T();
        }

        return items;
    }

    /// <summary>A fixed-size array of empty strings, as a <c>string[N]</c> field starts out.</summary>
    public static string[] Strings(int count)
    {
        var items = new string[count];
        Array.Fill(items, string.Empty);
        return items;
    }

    /// <summary>
    /// <paramref name="existing"/> when it already has <paramref name="count"/> elements; otherwise a new
    /// array that keeps the existing element instances it has room for, so they are refilled rather than reallocated.
    /// </summary>
    public static T[] Refit<T>(T[]? existing, int count)
        where T : class
    {
        if (existing is not null && existing.Length == count)
        {
            return existing;
        }

        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        if (existing is not null)
        {
            Array.Copy(existing, items, Math.Min(count, existing.Length));
        }

        return items;
    }

    /// <summary>Element-wise equality of two arrays; two nulls are equal, NaN equals NaN.</summary>
    public static bool SequenceEqual<T>(T[]? left, T[]? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Length != right.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
