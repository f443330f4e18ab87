using System.CommandLine;
using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai service call SERVICE TYPE ['YAML']</c>: call a service once and print the reply, as <c>ros2 service call</c>.</summary>
internal static class ServiceCallCommand
{
    public static Command Create()
    {
        var serviceArgument = new Argument<string>("service") { Description = "Service to call, such as /safety_controller/reset" };
        var typeArgument = new Argument<string>("type") { Description = "Service type, such as std_srvs/srv/Trigger" };
        var valuesArgument = new Argument<string>("values") { Description = "The request as YAML, such as \"{data: true}\"", DefaultValueFactory = _ => "{}" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the service to appear and for its reply", DefaultValueFactory = _ => 10.0 };
        var command = new Command("call", "Call a service") { serviceArgument, typeArgument, valuesArgument, timeout };
        command.SetAction(result =>
        {
            string typeName = result.GetValue(typeArgument)!;
            if (!RosTypeRegistry.TryGetService(typeName, out RosServiceDescriptor type))
            {
                throw new CliError($"The service type '{typeName}' is not one pai knows. Known types: {string.Join(", ", RosTypeRegistry.ServiceTypeNames)}");
            }

            object request;
            try
            {
                request = MessageYamlReader.Read(result.GetValue(valuesArgument)!, type.Request);
            }
            catch (FormatException e)
            {
                throw new CliError($"Failed to populate {type.Request.RosTypeName} from '{result.GetValue(valuesArgument)}': {e.Message}");
            }

            TimeSpan limit = TimeSpan.FromSeconds(result.GetValue(timeout));
            using CliRos ros = CliRos.Create("service_call");
            GenericServiceClient client = ros.Node.CreateGenericClient(result.GetValue(serviceArgument)!, type);
            Console.WriteLine("waiting for service to become available...");
            if (!client.WaitForServiceAsync(limit, ros.Context.ShutdownToken).GetAwaiter().GetResult())
            {
                throw new CliError($"Service '{client.Name}' ({type.RosTypeName}) did not become available within {limit.TotalSeconds:0.###} s; check it with pai service list -t");
            }

            Console.WriteLine($"requester: making request: {MessageRepr.Format(request, type.Request)}");
            Console.WriteLine();
            object response;
            try
            {
                response = client.CallObjectAsync(request, limit, ros.Context.ShutdownToken).GetAwaiter().GetResult();
            }
            catch (ServiceCallException e)
            {
                throw new CliError(e.Message);
            }

            Console.WriteLine("response:");
            Console.WriteLine(MessageRepr.Format(response, type.Response));
            Console.WriteLine();
            return 0;
        });
        return command;
    }
}
