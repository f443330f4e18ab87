using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.RclInterfaces.Srv;
using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Ros.Client;

public sealed partial class Node
{
    private Publisher<Msg.ParameterEvent>? _parameterEvents;

    /// <summary>The node's parameters.</summary>
    public ParameterStore Parameters { get; private set; } = null!;

    /// <summary>
    /// Declares a parameter with a default; a params file or <c>-p</c> on the command line overrides it.
    /// <typeparamref name="T"/> is bool, int, long, double, string, or an array of byte, bool, int, long, double or string.
    /// </summary>
    /// <exception cref="ParameterAlreadyDeclaredException">It is already declared.</exception>
    /// <exception cref="InvalidParameterTypeException">An override has another type; the message names the file and key.</exception>
    /// <exception cref="InvalidParameterValueException">The value is out of range or refused by a callback.</exception>
    public T DeclareParameter<T>(string name, T defaultValue, ParameterDescriptor? descriptor = null) =>
        Parameters.Declare(name, ParameterValue.From(defaultValue), descriptor).As<T>();

    /// <summary>
    /// Declares a parameter with no default, of the parameter type of <typeparamref name="T"/>: a params file
    /// or <c>-p</c> must give its value (for settings with no safe default, such as joint limits).
    /// </summary>
    /// <exception cref="InvalidParameterValueException">No value was given; the message says how to give one.</exception>
    /// <exception cref="InvalidParameterTypeException">The value given has another type.</exception>
    public T DeclareParameter<T>(string name, ParameterDescriptor? descriptor = null) =>
        Parameters.Declare(name, ParameterValue.TypeOf<T>(), descriptor).As<T>();

    /// <summary>The value of a declared parameter as <typeparamref name="T"/>.</summary>
    /// <exception cref="ParameterNotDeclaredException">It is not declared.</exception>
    /// <exception cref="InvalidParameterTypeException">It has another type.</exception>
    public T GetParameter<T>(string name) => Parameters.Get(name).As<T>();

    /// <summary>Sets a parameter (through the same checks as a remote <c>ros2 param set</c>).</summary>
    public SetParametersResult SetParameter<T>(string name, T value) => Parameters.Set(new Parameter(name, ParameterValue.From(value)));

    /// <summary>Adds a callback that can refuse parameter values before they are set (with a reason); dispose the result to remove it.</summary>
    public IDisposable AddOnSetParametersCallback(Func<IReadOnlyList<Parameter>, SetParametersResult> callback) =>
        Parameters.AddOnSetCallback(callback);

    /// <summary>The overrides for this node: global (params files, <c>-p</c>), then node-local arguments, then code.</summary>
    private Dictionary<string, (ParameterValue Value, string Source)> CollectParameterOverrides(RosContext context, Arguments.RosArguments local, NodeOptions options)
    {
        var overrides = new Dictionary<string, (ParameterValue Value, string Source)>(StringComparer.Ordinal);
        if (options.UseGlobalArguments)
        {
            foreach ((string name, (ParameterValue, string) entry) in context.ParameterOverrides.ForNode(FullyQualifiedName))
            {
                overrides[name] = entry;
            }
        }

        foreach ((string name, (ParameterValue, string) entry) in ParameterOverrides.From(local).ForNode(FullyQualifiedName))
        {
            overrides[name] = entry;
        }

        foreach (Parameter p in options.ParameterOverrides)
        {
            overrides[p.Name] = (p.Value, "NodeOptions.ParameterOverrides");
        }

        return overrides;
    }

    private void StartParameters(NodeOptions options)
    {
        if (options.StartParameterEventPublisher)
        {
            _parameterEvents = CreatePublisher<Msg.ParameterEvent>("/parameter_events", QosProfiles.ParameterEvents);
            Parameters.Changed += PublishParameterEvent;
        }

        // Before the overrides are declared wholesale, so use_sim_time gets its own declaration (and checks).
        StartTimeSource();
        if (options.AutomaticallyDeclareParametersFromOverrides)
        {
            foreach (string name in Parameters.UnusedOverrides())
            {
                Parameters.Declare(name, ParameterValue.NotSet, new ParameterDescriptor { DynamicTyping = true });
            }
        }

        if (options.StartParameterServices)
        {
            CreateParameterServices();
        }
    }

    private void PublishParameterEvent(ParameterChange change)
    {
        if (_parameterEvents is not { } publisher)
        {
            return;
        }

        var message = new Msg.ParameterEvent
        {
            Stamp = Clock.Now().ToMessage(),
            Node = FullyQualifiedName,
            NewParameters = [.. change.New.Select(ParameterMessages.ToMessage)],
            ChangedParameters = [.. change.Changed.Select(ParameterMessages.ToMessage)],
            DeletedParameters = [.. change.Deleted.Select(ParameterMessages.ToMessage)],
        };
        try
        {
            publisher.Publish(message);
        }
        catch (ObjectDisposedException)
        {
            // The node is going away while a parameter changes; there is nobody left to tell.
        }
    }

    /// <summary>The six services rclcpp's ParameterService offers, with its answers (an empty response for undeclared names).</summary>
    private void CreateParameterServices()
    {
        QosProfile qos = QosProfiles.Parameters;
        CreateService<GetParameters.Request, GetParameters.Response>("~/get_parameters", request =>
        {
            IReadOnlyList<ParameterValue>? values = Parameters.AllowUndeclared
                ? [.. request.Names.Select(n => Parameters.Has(n) ? Parameters.Get(n) : ParameterValue.NotSet)]
                : Parameters.GetAll(request.Names);
            if (values is null)
            {
                Logger.LogDebug("get_parameters: not all of [{Names}] are declared", string.Join(", ", request.Names));
            }

            return new GetParameters.Response { Values = [.. (values ?? []).Select(ParameterMessages.ToMessage)] };
        }, qos);

        CreateService<GetParameterTypes.Request, GetParameterTypes.Response>("~/get_parameter_types", request =>
        {
            var types = new List<byte>();
            foreach (string name in request.Names)
            {
                if (Parameters.Has(name))
                {
                    types.Add((byte)Parameters.Get(name).Type);
                }
                else if (Parameters.AllowUndeclared)
                {
                    types.Add((byte)ParameterType.NotSet);
                }
                else
                {
                    return new GetParameterTypes.Response();
                }
            }

            return new GetParameterTypes.Response { Types = [.. types] };
        }, qos);

        CreateService<SetParameters.Request, SetParameters.Response>("~/set_parameters", request => new SetParameters.Response
        {
            Results = [.. request.Parameters.Select(p => ToMessage(Set([p])))],
        }, qos);

        CreateService<SetParametersAtomically.Request, SetParametersAtomically.Response>("~/set_parameters_atomically", request => new SetParametersAtomically.Response
        {
            Result = ToMessage(Set(request.Parameters)),
        }, qos);

        CreateService<DescribeParameters.Request, DescribeParameters.Response>("~/describe_parameters", request =>
        {
            var descriptors = new List<Msg.ParameterDescriptor>();
            foreach (string name in request.Names)
            {
                if (Parameters.Has(name))
                {
                    (ParameterDescriptor descriptor, ParameterType type, ParameterValue value) = Parameters.Describe(name);
                    descriptors.Add(ParameterMessages.ToMessage(name, descriptor, type == ParameterType.NotSet ? value.Type : type));
                }
                else if (Parameters.AllowUndeclared)
                {
                    descriptors.Add(new Msg.ParameterDescriptor { Name = name });
                }
                else
                {
                    return new DescribeParameters.Response();
                }
            }

            return new DescribeParameters.Response { Descriptors = [.. descriptors] };
        }, qos);

        CreateService<ListParameters.Request, ListParameters.Response>("~/list_parameters", request =>
        {
            (IReadOnlyList<string> names, IReadOnlyList<string> prefixes) = Parameters.List(request.Prefixes, request.Depth);
            return new ListParameters.Response { Result = new Msg.ListParametersResult { Names = [.. names], Prefixes = [.. prefixes] } };
        }, qos);

        SetParametersResult Set(Msg.Parameter[] parameters)
        {
            try
            {
                return Parameters.SetAtomically([.. parameters.Select(ParameterMessages.FromMessage)]);
            }
            catch (InvalidParameterTypeException e)
            {
                return SetParametersResult.Rejected(e.Message);
            }
        }

        static Msg.SetParametersResult ToMessage(SetParametersResult result) => new() { Successful = result.Successful, Reason = result.Reason };
    }
}
