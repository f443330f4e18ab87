using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Demo;

/// <summary>
/// demo_nodes_cpp's talker: "Hello World: N" on <c>chatter</c> every second. The greeting is the
/// <c>greeting</c> parameter (changeable while running) and <c>~/reset</c> (std_srvs/Trigger) restarts the count.
/// </summary>
public static class Talker
{
    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context =>
    {
        var node = new Node(context, "talker");
        node.DeclareParameter("greeting", "Hello World", new ParameterDescriptor { Description = "Text before the count in each message" });
        Publisher<RosString> publisher = node.CreatePublisher<RosString>("chatter");
        var message = new RosString();
        long count = 0;
        node.CreateService<Trigger.Request, Trigger.Response>("~/reset", _ =>
        {
            long was = count;
            count = 0;
            return new Trigger.Response { Success = true, Message = $"count reset from {was}" };
        });
        node.CreateWallTimer(TimeSpan.FromSeconds(1), () =>
        {
            message.Data = $"{node.GetParameter<string>("greeting")}: {++count}";
            node.Logger.LogInformation("Publishing: '{Data}'", message.Data);
            publisher.Publish(message);
        });
        return node;
    });
}
