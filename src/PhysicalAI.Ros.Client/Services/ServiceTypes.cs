using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>Checks that a request and a response type belong to one service, and names it.</summary>
internal static class ServiceTypes
{
    /// <summary>The service type (<c>std_srvs/srv/Trigger</c>) of a request/response pair.</summary>
    /// <exception cref="ArgumentException">The two are not the request and response of one service.</exception>
    public static string ServiceTypeOf(RosMessageDescriptor request, RosMessageDescriptor response)
    {
        const string Request = "_Request", Response = "_Response";
        if (!request.RosTypeName.EndsWith(Request, StringComparison.Ordinal) || !response.RosTypeName.EndsWith(Response, StringComparison.Ordinal)
            || request.RosTypeName[..^Request.Length] != response.RosTypeName[..^Response.Length])
        {
            throw new ArgumentException(
                $"{request.RosTypeName} and {response.RosTypeName} are not the request and response of one service " +
                "(use S.Request with S.Response of the same service S)");
        }

        return request.RosTypeName[..^Request.Length];
    }
}
