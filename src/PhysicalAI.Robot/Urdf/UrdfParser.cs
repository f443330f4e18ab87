using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace PhysicalAI.Robot.Urdf;

/// <summary>
/// Reads a URDF into a <see cref="RobotModel"/>: links with box/cylinder/sphere visuals and materials,
/// revolute/continuous/prismatic/fixed joints with origins, axes, <c>&lt;limit&gt;</c>,
/// <c>&lt;safety_controller&gt;</c> and <c>&lt;mimic&gt;</c>. A mesh visual becomes its bounding box
/// when the mesh (binary or ASCII STL) can be read, else the link's collision primitive, with a warning
/// either way. Every error names the file, the line and the element.
/// </summary>
public static class UrdfParser
{
    /// <summary>Reads the URDF file at <paramref name="path"/>.</summary>
    /// <exception cref="UrdfException">The file is missing, not XML, or not a usable URDF.</exception>
    public static RobotModel Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UrdfException($"{path}: cannot read the URDF: {e.Message}");
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads URDF text (from a file, or from <c>/robot_description</c>); <paramref name="source"/> names it in errors.</summary>
    /// <param name="text">The URDF XML.</param>
    /// <param name="source">What to call it in messages (a path or a topic).</param>
    /// <param name="meshDirectory">Where relative mesh paths are resolved; null to skip reading meshes.</param>
    /// <exception cref="UrdfException">The text is not a usable URDF.</exception>
    public static RobotModel Parse(string text, string source, string? meshDirectory = null)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new UrdfException($"{source}:{e.LineNumber}: not well-formed XML: {e.Message}");
        }

        var reader = new Reader(source, meshDirectory);
        return reader.Robot(document.Root!);
    }

    private sealed class Reader(string source, string? meshDirectory)
    {
        private readonly List<string> _warnings = [];
        private readonly Dictionary<string, Rgba> _materials = new(StringComparer.Ordinal);

        public RobotModel Robot(XElement root)
        {
            if (root.Name.LocalName != "robot")
            {
                throw Error(root, $"the root element is <{root.Name.LocalName}>, not <robot>");
            }

            string name = Required(root, "name");
            foreach (XElement material in root.Elements("material"))
            {
                string materialName = Required(material, "name");
                if (material.Element("color") is { } color)
                {
                    _materials[materialName] = Color(color);
                }
            }

            var links = new List<Link>();
            var linkElements = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (XElement element in root.Elements("link"))
            {
                string linkName = Required(element, "name");
                if (!linkElements.TryAdd(linkName, element))
                {
                    throw Error(element, $"a second link named '{linkName}' (the first is on line {Line(linkElements[linkName])})");
                }

                links.Add(new Link(linkName, [.. element.Elements("visual").Select(v => VisualOf(v, element)).OfType<Visual>()]));
            }

            if (links.Count == 0)
            {
                throw Error(root, "the robot has no <link>");
            }

            var joints = new List<Joint>();
            var jointElements = new Dictionary<string, XElement>(StringComparer.Ordinal);
            var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement element in root.Elements("joint"))
            {
                Joint joint = JointOf(element, linkElements);
                if (!jointElements.TryAdd(joint.Name, element))
                {
                    throw Error(element, $"a second joint named '{joint.Name}' (the first is on line {Line(jointElements[joint.Name])})");
                }

                if (parentOf.TryGetValue(joint.Child, out string? other))
                {
                    throw Error(element, $"link '{joint.Child}' already has parent joint '{other}'; a link has one parent in a URDF tree");
                }

                parentOf[joint.Child] = joint.Name;
                joints.Add(joint);
            }

            CheckTree(root, links, joints, jointElements);
            foreach (Joint joint in joints)
            {
                if (joint.Mimic is { } mimic)
                {
                    XElement at = jointElements[joint.Name].Element("mimic")!;
                    Joint? master = joints.FirstOrDefault(j => j.Name == mimic.Joint)
                        ?? throw Error(at, $"joint '{joint.Name}' mimics '{mimic.Joint}', which does not exist");
                    if (!master.IsMovable || master.Mimic is not null)
                    {
                        throw Error(at, $"joint '{joint.Name}' mimics '{mimic.Joint}', which is fixed or itself a mimic");
                    }
                }
            }

            return new RobotModel(name, links, joints, _warnings);
        }

        private void CheckTree(XElement root, List<Link> links, List<Joint> joints, Dictionary<string, XElement> jointElements)
        {
            var children = new HashSet<string>(joints.Select(j => j.Child), StringComparer.Ordinal);
            string[] roots = [.. links.Where(l => !children.Contains(l.Name)).Select(l => l.Name)];
            if (roots.Length == 0)
            {
                Joint first = joints[0];
                throw Error(jointElements[first.Name], "the joints form a cycle: every link has a parent, so there is no root link");
            }

            if (roots.Length > 1)
            {
                throw Error(root, $"the links form {roots.Length} separate trees (roots: {string.Join(", ", roots)}); connect them with joints");
            }

            // Walk from the root: a link not reached sits on a cycle.
            var byParent = joints.ToLookup(j => j.Parent, StringComparer.Ordinal);
            var reached = new HashSet<string>(StringComparer.Ordinal) { roots[0] };
            var queue = new Queue<string>([roots[0]]);
            while (queue.Count > 0)
            {
                foreach (Joint j in byParent[queue.Dequeue()])
                {
                    if (reached.Add(j.Child))
                    {
                        queue.Enqueue(j.Child);
                    }
                }
            }

            if (joints.FirstOrDefault(j => !reached.Contains(j.Child)) is { } cyclic)
            {
                throw Error(jointElements[cyclic.Name], $"joint '{cyclic.Name}' is part of a cycle (link '{cyclic.Child}' cannot be reached from the root '{roots[0]}')");
            }
        }

        private Joint JointOf(XElement element, Dictionary<string, XElement> links)
        {
            string name = Required(element, "name");
            string typeText = Required(element, "type");
            JointType type = typeText switch
            {
                "revolute" => JointType.Revolute,
                "continuous" => JointType.Continuous,
                "prismatic" => JointType.Prismatic,
                "fixed" => JointType.Fixed,
                "floating" or "planar" => throw Error(element, $"joint '{name}' has type '{typeText}', which an arm model does not support (use revolute, continuous, prismatic or fixed)"),
                _ => throw Error(element, $"joint '{name}' has unknown type '{typeText}' (revolute, continuous, prismatic, fixed)"),
            };
            string parent = LinkReference(element, "parent", name, links);
            string child = LinkReference(element, "child", name, links);
            if (parent == child)
            {
                throw Error(element, $"joint '{name}' has link '{parent}' as both parent and child");
            }

            Vector3d axis = Vector3d.UnitX;
            if (element.Element("axis") is { } axisElement)
            {
                Vector3d given = Vector(axisElement, "xyz", Vector3d.UnitX);
                if (given.Length < 1e-9)
                {
                    throw Error(axisElement, $"joint '{name}' has a zero axis");
                }

                axis = given.Normalized();
            }

            return new Joint
            {
                Name = name,
                Type = type,
                Parent = parent,
                Child = child,
                Origin = Origin(element.Element("origin")),
                Axis = axis,
                Limits = LimitsOf(element, name, type),
                Mimic = element.Element("mimic") is { } mimic
                    ? new JointMimic(Required(mimic, "joint"), Number(mimic, "multiplier", 1.0), Number(mimic, "offset", 0.0))
                    : null,
            };
        }

        private JointLimits LimitsOf(XElement element, string name, JointType type)
        {
            XElement? limit = element.Element("limit");
            if (limit is null)
            {
                if (type is JointType.Revolute or JointType.Prismatic)
                {
                    throw Error(element, $"{(type == JointType.Revolute ? "revolute" : "prismatic")} joint '{name}' has no <limit> (URDF requires lower, upper, effort and velocity for it)");
                }

                return new JointLimits { AngleWraparound = type == JointType.Continuous };
            }

            double effort = Number(limit, "effort", double.NaN, required: true);
            double velocity = Number(limit, "velocity", double.NaN, required: true);
            bool bounded = type is JointType.Revolute or JointType.Prismatic;
            double lower = bounded ? Number(limit, "lower", 0.0) : double.NegativeInfinity;
            double upper = bounded ? Number(limit, "upper", 0.0) : double.PositiveInfinity;
            if (bounded && lower > upper)
            {
                throw Error(limit, $"joint '{name}' has lower limit {lower} above upper limit {upper}");
            }

            if (effort < 0 || velocity < 0)
            {
                throw Error(limit, $"joint '{name}' has a negative effort or velocity limit");
            }

            SoftJointLimits? soft = null;
            if (element.Element("safety_controller") is { } safety)
            {
                soft = new SoftJointLimits(
                    Number(safety, "soft_lower_limit", lower),
                    Number(safety, "soft_upper_limit", upper),
                    Number(safety, "k_position", 0.0),
                    Number(safety, "k_velocity", double.NaN, required: true));
                if (soft.MinPosition > soft.MaxPosition)
                {
                    throw Error(safety, $"joint '{name}' has soft_lower_limit {soft.MinPosition} above soft_upper_limit {soft.MaxPosition}");
                }
            }

            return new JointLimits
            {
                HasPositionLimits = bounded,
                MinPosition = lower,
                MaxPosition = upper,
                // URDF's 0 means "no limit given" to ros2_control, as it does here.
                HasVelocityLimits = velocity > 0,
                MaxVelocity = velocity > 0 ? velocity : double.PositiveInfinity,
                HasEffortLimits = effort > 0,
                MaxEffort = effort > 0 ? effort : double.PositiveInfinity,
                AngleWraparound = type == JointType.Continuous,
                Soft = soft,
            };
        }

        private Visual? VisualOf(XElement visual, XElement link)
        {
            XElement geometryElement = visual.Element("geometry") ?? throw Error(visual, "a <visual> without <geometry>");
            Transform3d origin = Origin(visual.Element("origin"));
            Rgba color = Rgba.Grey;
            string? materialName = null;
            if (visual.Element("material") is { } material)
            {
                materialName = material.Attribute("name")?.Value;
                if (material.Element("color") is { } inline)
                {
                    color = Color(inline);
                }
                else if (materialName is not null && _materials.TryGetValue(materialName, out Rgba named))
                {
                    color = named;
                }
                else if (materialName is not null)
                {
                    _warnings.Add($"{source}:{Line(material)}: material '{materialName}' is not defined; drawing grey");
                }
            }

            XElement shape = geometryElement.Elements().FirstOrDefault() ?? throw Error(geometryElement, "<geometry> has no shape");
            switch (shape.Name.LocalName)
            {
                case "box":
                    Vector3d size = Vector(shape, "size", Vector3d.Zero, required: true);
                    return new Visual(origin, new BoxGeometry(size), color, materialName);
                case "cylinder":
                    return new Visual(origin, new CylinderGeometry(Number(shape, "radius", double.NaN, required: true), Number(shape, "length", double.NaN, required: true)), color, materialName);
                case "sphere":
                    return new Visual(origin, new SphereGeometry(Number(shape, "radius", double.NaN, required: true)), color, materialName);
                case "mesh":
                    return MeshStandIn(shape, origin, color, materialName, link);
                default:
                    throw Error(shape, $"unknown geometry <{shape.Name.LocalName}> (box, cylinder, sphere, mesh)");
            }
        }

        /// <summary>A mesh as its bounding box (from the STL), else the link's collision primitive, else nothing; warns.</summary>
        private Visual? MeshStandIn(XElement mesh, Transform3d origin, Rgba color, string? materialName, XElement link)
        {
            string file = Required(mesh, "filename");
            Vector3d scale = Vector(mesh, "scale", new Vector3d(1, 1, 1));
            string linkName = link.Attribute("name")!.Value;
            if (MeshBounds.TryRead(file, meshDirectory, out Vector3d min, out Vector3d max, out string? why))
            {
                var lo = new Vector3d(min.X * scale.X, min.Y * scale.Y, min.Z * scale.Z);
                var hi = new Vector3d(max.X * scale.X, max.Y * scale.Y, max.Z * scale.Z);
                var centre = (lo + hi) * 0.5;
                var extent = new Vector3d(Math.Abs(hi.X - lo.X), Math.Abs(hi.Y - lo.Y), Math.Abs(hi.Z - lo.Z));
                _warnings.Add($"{source}:{Line(mesh)}: link '{linkName}': mesh '{file}' is drawn as its bounding box {extent}");
                return new Visual(origin * Transform3d.FromTranslation(centre), new BoxGeometry(extent), color, materialName);
            }

            XElement? collision = link.Elements("collision").Select(c => c.Element("geometry")?.Elements().FirstOrDefault())
                .FirstOrDefault(g => g is not null && g.Name.LocalName is "box" or "cylinder" or "sphere");
            if (collision is not null && VisualOf(new XElement("visual", new XElement("geometry", collision)), link) is { } primitive)
            {
                _warnings.Add($"{source}:{Line(mesh)}: link '{linkName}': mesh '{file}' cannot be read ({why}); drawing its collision {collision.Name.LocalName}");
                Transform3d collisionOrigin = Origin(collision.Parent!.Parent!.Element("origin"));
                return primitive with { Origin = collisionOrigin, Color = color, MaterialName = materialName };
            }

            _warnings.Add($"{source}:{Line(mesh)}: link '{linkName}': mesh '{file}' cannot be read ({why}) and the link has no collision primitive; it is not drawn");
            return null;
        }

        private string LinkReference(XElement joint, string role, string jointName, Dictionary<string, XElement> links)
        {
            XElement element = joint.Element(role) ?? throw Error(joint, $"joint '{jointName}' has no <{role}>");
            string link = Required(element, "link");
            return links.ContainsKey(link) ? link : throw Error(element, $"joint '{jointName}' names {role} link '{link}', which does not exist");
        }

        private Transform3d Origin(XElement? origin)
        {
            if (origin is null)
            {
                return Transform3d.Identity;
            }

            Vector3d xyz = Vector(origin, "xyz", Vector3d.Zero);
            Vector3d rpy = Vector(origin, "rpy", Vector3d.Zero);
            return Transform3d.FromXyzRpy(xyz, rpy.X, rpy.Y, rpy.Z);
        }

        private Rgba Color(XElement color)
        {
            double[] v = Numbers(color, "rgba", 4, required: true)!;
            if (v.Any(c => c is < 0 or > 1))
            {
                throw Error(color, $"rgba components are in [0, 1]; got '{color.Attribute("rgba")!.Value}'");
            }

            return new Rgba(v[0], v[1], v[2], v[3]);
        }

        private Vector3d Vector(XElement element, string attribute, Vector3d fallback, bool required = false)
        {
            double[]? v = Numbers(element, attribute, 3, required);
            return v is null ? fallback : new Vector3d(v[0], v[1], v[2]);
        }

        private double[]? Numbers(XElement element, string attribute, int count, bool required)
        {
            string? text = element.Attribute(attribute)?.Value;
            if (text is null)
            {
                return required ? throw Error(element, $"<{element.Name.LocalName}> has no '{attribute}'") : null;
            }

            string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != count)
            {
                throw Error(element, $"'{attribute}' needs {count} numbers; got '{text}'");
            }

            var values = new double[count];
            for (int i = 0; i < count; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                {
                    throw Error(element, $"'{attribute}' has '{parts[i]}', which is not a finite number");
                }
            }

            return values;
        }

        private double Number(XElement element, string attribute, double fallback, bool required = false)
        {
            string? text = element.Attribute(attribute)?.Value;
            if (text is null)
            {
                return required ? throw Error(element, $"<{element.Name.LocalName}> has no '{attribute}'") : fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                ? value
                : throw Error(element, $"'{attribute}' is '{text}', which is not a finite number");
        }

        private string Required(XElement element, string attribute) =>
            element.Attribute(attribute)?.Value is { Length: > 0 } value
                ? value
                : throw Error(element, $"<{element.Name.LocalName}> has no '{attribute}'");

        private UrdfException Error(XElement element, string message) =>
            new($"{source}:{Line(element)}: <{element.Name.LocalName}{NameOf(element)}>: {message}");

        private static string NameOf(XElement element) =>
            element.Attribute("name")?.Value is { } name ? $" name=\"{name}\"" : string.Empty;

        private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
    }
}
