using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Demo;

/// <summary>demo_nodes_cpp's talker: "Hello World: N" on <c>chatter</c> every second.</summary>
public static class Talker
{
    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context =>
    {
        var node = new Node(context, "talker");
        Publisher<RosString> publisher = node.CreatePublisher<RosString>("chatter");
        var message = new RosString();
        long count = 0;
        node.CreateWallTimer(TimeSpan.FromSeconds(1), () =>
        {
            message.Data = $"Hello World: {++count}";
            node.Logger.LogInformation("Publishing: '{Data}'", message.Data);
            publisher.Publish(message);
        });
        return node;
    });
}
