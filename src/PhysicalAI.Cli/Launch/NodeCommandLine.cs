using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// The command line of a node process, in launch_ros's order: the program, <c>args</c>, then
/// <c>--ros-args</c> with <c>ros_args</c>, <c>-r __node:=</c>, <c>-r __ns:=</c>, the params files in the
/// order written (values written in the launch file go through a params file of their own, as launch_ros
/// passes them), and the remaps.
/// </summary>
internal static class NodeCommandLine
{
    /// <param name="node">The node to start.</param>
    /// <param name="writeParameters">Writes values to a params file and returns its path.</param>
    public static IReadOnlyList<string> Build(NodeLaunch node, Func<IReadOnlyList<Parameter>, string> writeParameters)
    {
        var line = new List<string>(node.Program);
        line.AddRange(node.Arguments);
        var ros = new List<string>(node.RosArguments);
        if (node.NodeName is not null)
        {
            ros.AddRange(["-r", $"__node:={node.NodeName}"]);
        }

        if (node.Namespace is not null)
        {
            ros.AddRange(["-r", $"__ns:={node.Namespace}"]);
        }

        foreach (NodeParameters parameters in node.Parameters)
        {
            if (parameters.Values is { Count: 0 })
            {
                continue;
            }

            ros.AddRange(["--params-file", parameters.File ?? writeParameters(parameters.Values!)]);
        }

        foreach ((string from, string to) in node.Remaps)
        {
            ros.AddRange(["-r", $"{from}:={to}"]);
        }

        if (ros.Count > 0)
        {
            line.Add("--ros-args");
            line.AddRange(ros);
        }

        return line;
    }

    /// <summary>A params file for every node it is passed to, as launch_ros writes one (<c>/**:</c>).</summary>
    public static string ParamsFileText(IReadOnlyList<Parameter> values) => ParamsFile.Format("/**", values);
}
