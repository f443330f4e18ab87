using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Nodes;

/// <summary>
/// The common body of a node executable: create the context from the command line, build the node,
/// spin until SIGINT/SIGTERM, then destroy everything. Configuration errors become one clear line on
/// stderr and exit code 2, not a stack trace.
/// </summary>
public static class NodeHost
{
    /// <summary>Runs the node <paramref name="create"/> builds until shutdown.</summary>
    public static int Run(string[] args, Func<RosContext, Node> create) => Run(args, create, node => node);

    /// <summary>Runs a node that owns more than its <see cref="Node"/> (threads, sessions): <paramref name="create"/> builds it, <paramref name="node"/> gives its ROS node, and it is disposed at shutdown.</summary>
    public static int Run<TNode>(string[] args, Func<RosContext, TNode> create, Func<TNode, Node> node)
        where TNode : IDisposable
    {
        try
        {
            using RosContext context = RosContext.Create(args);
            using TNode owner = create(context);
            Node ros = node(owner);
            using var executor = new SingleThreadedExecutor(context);
            executor.AddNode(ros);
            executor.Spin();
            ros.Logger.LogDebug("Shutting down: {Reason}", context.ShutdownReason);
            return 0;
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            Console.Error.WriteLine($"[ERROR] {e.Message}");
            return 2;
        }
    }

    /// <summary>Whether <paramref name="e"/> is a problem of the command line, parameters or installation, reported as one line.</summary>
    public static bool IsConfigurationError(Exception e) =>
        e is RosArgumentsException or NameValidationException or DdsLibraryNotFoundException or DdsException
            or ParamsFileException or InvalidParameterTypeException or InvalidParameterValueException;
}
