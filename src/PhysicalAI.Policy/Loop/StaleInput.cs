namespace PhysicalAI.Policy.Loop;

/// <summary>Which observation held inference back, and by how much.</summary>
/// <param name="Camera">The card's camera index, or -1 for the joint state.</param>
/// <param name="Age">Seconds since its stamp; +∞ when it never arrived.</param>
/// <param name="MaxAge">The card's limit, seconds.</param>
public readonly record struct StaleInput(int Camera, double Age, double MaxAge)
{
    public bool IsJointState => Camera < 0;
}
