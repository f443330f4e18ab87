using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Services;

namespace PhysicalAI.Cli.Commands;

/// <summary>The parameter services of one remote node, reached from a <c>pai param</c> command.</summary>
internal sealed class CliParameters : IDisposable
{
    private CliParameters(CliRos ros, ParameterClient client, TimeSpan timeout)
    {
        Ros = ros;
        Client = client;
        Timeout = timeout;
    }

    public CliRos Ros { get; }

    public ParameterClient Client { get; }

    public TimeSpan Timeout { get; }

    public static Argument<string> NodeArgument() => new("node") { Description = "Fully qualified node name, such as /arm/safety_controller" };

    public static Option<double> TimeoutOption() => new("--timeout")
    {
        Description = "Seconds to wait for the node's parameter services and their replies",
        DefaultValueFactory = _ => 5.0,
    };

    /// <summary>Connects to <paramref name="node"/>'s parameter services, or explains why it cannot.</summary>
    public static CliParameters Open(string verb, string node, double timeoutSeconds)
    {
        TimeSpan timeout = TimeSpan.FromSeconds(timeoutSeconds);
        CliRos ros = CliRos.Create(verb);
        try
        {
            var client = new ParameterClient(ros.Node, node);
            if (!client.WaitForServicesAsync(timeout, ros.Context.ShutdownToken).GetAwaiter().GetResult())
            {
                throw new CliError($"Node '{client.RemoteNode}' does not answer parameter requests (no {client.RemoteNode}/list_parameters service within {timeoutSeconds:0.###} s): is it running? (pai node list)");
            }

            return new CliParameters(ros, client, timeout);
        }
        catch
        {
            ros.Dispose();
            throw;
        }
    }

    /// <summary>Waits for <paramref name="call"/>, turning a timeout into a clear error.</summary>
    public T Wait<T>(Func<ParameterClient, TimeSpan, CancellationToken, Task<T>> call)
    {
        try
        {
            return call(Client, Timeout, Ros.Context.ShutdownToken).GetAwaiter().GetResult();
        }
        catch (ServiceCallException e)
        {
            throw new CliError(e.Message);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Ros.Dispose();
    }
}
