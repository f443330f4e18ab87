using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Demo;

/// <summary>demo_nodes_cpp's listener: logs what arrives on <c>chatter</c>.</summary>
public static class Listener
{
    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context =>
    {
        var node = new Node(context, "listener");
        node.CreateSubscription<RosString>("chatter", m => node.Logger.LogInformation("I heard: [{Data}]", m.Data));
        return node;
    });
}
