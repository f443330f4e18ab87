using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Interfaces.RclInterfaces.Srv;
using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// Reads and changes another node's parameters through its parameter services (rclcpp's
/// <c>AsyncParametersClient</c>), whatever client library that node uses. Calls complete on DDS's receive
/// thread, so they can be awaited from anywhere.
/// </summary>
public sealed class ParameterClient : IDisposable
{
    private readonly ServiceClient<GetParameters.Request, GetParameters.Response> _get;
    private readonly ServiceClient<GetParameterTypes.Request, GetParameterTypes.Response> _getTypes;
    private readonly ServiceClient<SetParameters.Request, SetParameters.Response> _set;
    private readonly ServiceClient<SetParametersAtomically.Request, SetParametersAtomically.Response> _setAtomically;
    private readonly ServiceClient<DescribeParameters.Request, DescribeParameters.Response> _describe;
    private readonly ServiceClient<ListParameters.Request, ListParameters.Response> _list;

    /// <summary>Creates clients, owned by <paramref name="node"/>, for the parameter services of node <paramref name="remoteNode"/> (fully qualified, such as <c>/arm/safety_controller</c>).</summary>
    /// <exception cref="Names.NameValidationException"><paramref name="remoteNode"/> is not a valid node name.</exception>
    public ParameterClient(Node node, string remoteNode)
    {
        RemoteNode = remoteNode.StartsWith('/') ? remoteNode : "/" + remoteNode;
        Names.RosNames.ValidateFullTopicName(RemoteNode);
        var qos = Qos.QosProfiles.Parameters;
        _get = node.CreateClient<GetParameters.Request, GetParameters.Response>(RemoteNode + "/get_parameters", qos);
        _getTypes = node.CreateClient<GetParameterTypes.Request, GetParameterTypes.Response>(RemoteNode + "/get_parameter_types", qos);
        _set = node.CreateClient<SetParameters.Request, SetParameters.Response>(RemoteNode + "/set_parameters", qos);
        _setAtomically = node.CreateClient<SetParametersAtomically.Request, SetParametersAtomically.Response>(RemoteNode + "/set_parameters_atomically", qos);
        _describe = node.CreateClient<DescribeParameters.Request, DescribeParameters.Response>(RemoteNode + "/describe_parameters", qos);
        _list = node.CreateClient<ListParameters.Request, ListParameters.Response>(RemoteNode + "/list_parameters", qos);
    }

    /// <summary>The node whose parameters this reaches.</summary>
    public string RemoteNode { get; }

    /// <summary>Waits until the remote node's parameter services are all ready.</summary>
    public async Task<bool> WaitForServicesAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        foreach (GenericServiceClient client in Clients())
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await client.WaitForServiceAsync(left, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values of <paramref name="names"/>; empty when the node has not declared one of them (as rclcpp answers).</summary>
    public async Task<IReadOnlyList<ParameterValue>> GetAsync(IReadOnlyList<string> names, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        GetParameters.Response response = await _get.CallAsync(new GetParameters.Request { Names = [.. names] }, timeout, cancellationToken).ConfigureAwait(false);
        return [.. response.Values.Select(ParameterMessages.FromMessage)];
    }

    /// <summary>The types of <paramref name="names"/>; empty when one is not declared.</summary>
    public async Task<IReadOnlyList<ParameterType>> GetTypesAsync(IReadOnlyList<string> names, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        GetParameterTypes.Response response = await _getTypes.CallAsync(new GetParameterTypes.Request { Names = [.. names] }, timeout, cancellationToken).ConfigureAwait(false);
        return [.. response.Types.Select(t => (ParameterType)t)];
    }

    /// <summary>Sets each parameter on its own; one result per parameter.</summary>
    public async Task<IReadOnlyList<SetParametersResult>> SetAsync(IReadOnlyList<Parameter> parameters, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        SetParameters.Response response = await _set.CallAsync(
            new SetParameters.Request { Parameters = [.. parameters.Select(ParameterMessages.ToMessage)] }, timeout, cancellationToken).ConfigureAwait(false);
        return [.. response.Results.Select(r => new SetParametersResult(r.Successful, r.Reason))];
    }

    /// <summary>Sets all of <paramref name="parameters"/> or none.</summary>
    public async Task<SetParametersResult> SetAtomicallyAsync(IReadOnlyList<Parameter> parameters, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        SetParametersAtomically.Response response = await _setAtomically.CallAsync(
            new SetParametersAtomically.Request { Parameters = [.. parameters.Select(ParameterMessages.ToMessage)] }, timeout, cancellationToken).ConfigureAwait(false);
        return new SetParametersResult(response.Result.Successful, response.Result.Reason);
    }

    /// <summary>The descriptors of <paramref name="names"/>; empty when one is not declared.</summary>
    public async Task<IReadOnlyList<Msg.ParameterDescriptor>> DescribeAsync(IReadOnlyList<string> names, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        DescribeParameters.Response response = await _describe.CallAsync(new DescribeParameters.Request { Names = [.. names] }, timeout, cancellationToken).ConfigureAwait(false);
        return response.Descriptors;
    }

    /// <summary>Parameter names under <paramref name="prefixes"/> (all when empty), at most <paramref name="depth"/> levels deep (0: any).</summary>
    public async Task<(IReadOnlyList<string> Names, IReadOnlyList<string> Prefixes)> ListAsync(
        IReadOnlyList<string> prefixes, ulong depth, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ListParameters.Response response = await _list.CallAsync(
            new ListParameters.Request { Prefixes = [.. prefixes], Depth = depth }, timeout, cancellationToken).ConfigureAwait(false);
        return (response.Result.Names, response.Result.Prefixes);
    }

    /// <summary>Deletes the service clients.</summary>
    public void Dispose()
    {
        foreach (GenericServiceClient client in Clients())
        {
            client.Dispose();
        }
    }

    private GenericServiceClient[] Clients() => [_get, _getTypes, _set, _setAtomically, _describe, _list];
}
