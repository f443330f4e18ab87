namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>Whether setting parameters succeeded, and if not, why (rcl_interfaces/SetParametersResult).</summary>
/// <param name="Successful">True when the values were taken.</param>
/// <param name="Reason">Why not, when they were not.</param>
public sealed record SetParametersResult(bool Successful, string Reason = "")
{
    /// <summary>Success.</summary>
    public static SetParametersResult Ok { get; } = new(true);

    /// <summary>A refusal with <paramref name="reason"/>.</summary>
    public static SetParametersResult Rejected(string reason) => new(false, reason);
}
