using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PhysicalAI.Ros.Interfaces.Generator.Hashing;
using PhysicalAI.Ros.Interfaces.Generator.Model;

namespace PhysicalAI.Ros.Interfaces.Generator.Resolution;

/// <summary>
/// Joins every parsed interface file of a compilation: resolves nested type references across packages,
/// rejects duplicates and recursion, computes minimum wire sizes and RIHS01 hashes, and produces the
/// models the emitter writes.
/// </summary>
internal sealed class InterfaceCatalog
{
    private readonly Dictionary<string, MessageSpec> _messages = new(StringComparer.Ordinal);
    private readonly List<MessageSpec> _topLevel = new();
    private readonly List<ServiceSpec> _services = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _minSizes = new(StringComparer.Ordinal);

    public static CatalogResult Build(ImmutableArray<ParsedInterfaceFile> files)
    {
        var catalog = new InterfaceCatalog();
        return catalog.Run(files);
    }

    /// <summary>Full ROS name of the type a field of <paramref name="owner"/> refers to.</summary>
    public static string ResolveNested(MessageSpec owner, FieldType type) =>
        (type.NestedPackage ?? owner.Package) + "/msg/" + type.NestedName;

    private CatalogResult Run(ImmutableArray<ParsedInterfaceFile> files)
    {
        // Order by path so that output and "defined twice" diagnostics do not depend on file enumeration order.
        foreach (ParsedInterfaceFile file in files.OrderBy(FilePathOf, StringComparer.Ordinal))
        {
            bool hasErrors = file.Diagnostics.Count > 0;
            if (file.Message is { } message && Register(message))
            {
                _topLevel.Add(message);
                MarkBrokenIf(hasErrors, message);
            }
            else if (file.Service is { } service && Register(service.Request) && Register(service.Response))
            {
                _services.Add(service);
                MarkBrokenIf(hasErrors, service.Request);
                MarkBrokenIf(hasErrors, service.Response);
            }
        }

        foreach (MessageSpec message in _messages.Values)
        {
            CheckReferences(message);
        }

        foreach (MessageSpec message in _messages.Values)
        {
            CheckRecursion(message);
        }

        PropagateBroken();

        var hasher = new TypeDescriptionHasher(
            name => _messages.TryGetValue(name, out MessageSpec? m) ? m : null,
            ResolveNested);

        var models = new List<GenerationModel>();
        foreach (MessageSpec message in _topLevel)
        {
            if (!_broken.Contains(message.RosName) && BuildMessage(message, hasher, null) is { } model)
            {
                models.Add(new GenerationModel(model, null));
            }
        }

        foreach (ServiceSpec service in _services)
        {
            if (_broken.Contains(service.Request.RosName) || _broken.Contains(service.Response.RosName))
            {
                continue;
            }

            MessageModel? request = BuildMessage(service.Request, hasher, service.Name);
            MessageModel? response = BuildMessage(service.Response, hasher, service.Name);
            if (request is null || response is null)
            {
                continue;
            }

            string? hash = hasher.HashService(service);
            if (hash is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingServiceEventInfo, service.FilePath, 0, 0, 0, service.RosName));
            }

            string ns = CSharpNames.Namespace(service.Package, "srv");
            models.Add(new GenerationModel(null, new ServiceModel(ns, service.Name, service.RosName, hash ?? string.Empty, request, response, service.Comment)));
        }

        return new CatalogResult(models.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    private static string FilePathOf(ParsedInterfaceFile file) =>
        file.Message?.FilePath ?? file.Service?.FilePath ?? string.Empty;

    /// <summary>
    /// A file with parse errors is registered (so users of its type are not also told it is missing)
    /// but never emitted: a half-parsed message would be silently wrong on the wire.
    /// </summary>
    private void MarkBrokenIf(bool hasErrors, MessageSpec message)
    {
        if (hasErrors)
        {
            _broken.Add(message.RosName);
        }
    }

    private bool Register(MessageSpec message)
    {
        if (_messages.TryGetValue(message.RosName, out MessageSpec? existing))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateType, message.FilePath, 0, 0, 0, message.RosName, existing.FilePath));
            return false;
        }

        _messages.Add(message.RosName, message);
        return true;
    }

    private void CheckReferences(MessageSpec message)
    {
        foreach (FieldSpec field in message.Fields)
        {
            if (field.Type.Kind != PrimitiveKind.Nested)
            {
                continue;
            }

            string target = ResolveNested(message, field.Type);
            if (!_messages.ContainsKey(target))
            {
                string[] parts = target.Split('/');
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedType, message.FilePath, field.Line, 0, field.Declaration.Length,
                    field.Name, message.RosName, target, $"{parts[0]}/msg/{parts[2]}.msg"));
                _broken.Add(message.RosName);
            }
        }
    }

    private void CheckRecursion(MessageSpec root)
    {
        foreach (FieldSpec field in root.Fields)
        {
            if (field.Type.Kind == PrimitiveKind.Nested && Reaches(ResolveNested(root, field.Type), root.RosName, new HashSet<string>(StringComparer.Ordinal)))
            {
                _broken.Add(root.RosName);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecursiveType, root.FilePath, field.Line, 0, field.Declaration.Length, root.RosName, field.Name));
                return;
            }
        }
    }

    private bool Reaches(string from, string target, HashSet<string> visited)
    {
        if (from == target)
        {
            return true;
        }

        if (!visited.Add(from) || !_messages.TryGetValue(from, out MessageSpec? message))
        {
            return false;
        }

        return message.Fields.Any(f => f.Type.Kind == PrimitiveKind.Nested && Reaches(ResolveNested(message, f.Type), target, visited));
    }

    /// <summary>A message that uses a broken one is not emitted either; its own diagnostic already explains why.</summary>
    private void PropagateBroken()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (MessageSpec message in _messages.Values)
            {
                if (_broken.Contains(message.RosName))
                {
                    continue;
                }

                if (message.Fields.Any(f => f.Type.Kind == PrimitiveKind.Nested && _broken.Contains(ResolveNested(message, f.Type))))
                {
                    changed |= _broken.Add(message.RosName);
                }
            }
        }
    }

    private int MinSize(MessageSpec message)
    {
        if (_minSizes.TryGetValue(message.RosName, out int cached))
        {
            return cached;
        }

        long total = 0;
        foreach (FieldSpec field in message.Fields)
        {
            FieldType t = field.Type;
            long element = t.Kind == PrimitiveKind.Nested
                ? MinSize(_messages[ResolveNested(message, t)])
                : PrimitiveInfo.WireSize(t.Kind);
            total += t.Array switch
            {
                ArrayKind.None => element,
                ArrayKind.Fixed => element * t.ArraySize,
                _ => 4,
            };
        }

        // An empty structure still carries rosidl's one placeholder byte.
        int size = (int)Math.Min(int.MaxValue, Math.Max(1, total));
        _minSizes[message.RosName] = size;
        return size;
    }

    private MessageModel? BuildMessage(MessageSpec message, TypeDescriptionHasher hasher, string? containingService)
    {
        string className = containingService is null
            ? message.Name
            : message.Name.Substring(containingService.Length + 1);
        var taken = new HashSet<string>(CSharpNames.ReservedMembers, StringComparer.Ordinal);
        foreach (ConstantSpec constant in message.Constants)
        {
            taken.Add(constant.Name);
        }

        var fields = new List<FieldModel>();
        bool ok = true;
        foreach (FieldSpec field in message.Fields)
        {
            string property = CSharpNames.Pascal(field.Name);

            // C# forbids a member named like its class; protobuf's C# generator solves it the same way.
            if (property == className)
            {
                property += "_";
            }

            if (!taken.Add(property))
            {
                string what = CSharpNames.ReservedMembers.Contains(property) ? "a member every generated message has" : "another field or constant";
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberCollision, message.FilePath, field.Line, 0, field.Declaration.Length,
                    field.Name, message.RosName, property, what));
                ok = false;
                continue;
            }

            string elementType = field.Type.Kind == PrimitiveKind.Nested
                ? CSharpNames.FullClassName(ResolveNested(message, field.Type))
                : PrimitiveInfo.CSharpType(field.Type.Kind);
            fields.Add(new FieldModel(field.Name, property, field.Type, elementType, field.DefaultValue, field.Declaration, field.Comment));
        }

        if (!ok)
        {
            return null;
        }

        return new MessageModel(
            CSharpNames.Namespace(message.Package, message.Subfolder),
            containingService,
            className,
            message.RosName,
            CSharpNames.DdsTypeName(message.RosName),
            hasher.HashMessage(message),
            MinSize(message),
            fields.ToEquatableArray(),
            message.Constants,
            message.Comment);
    }
}
