using PhysicalAI.Cli.Yaml;

namespace PhysicalAI.Cli.Tests;

/// <summary>Python's repr(float) and PyYAML's float representer, which ros2 topic echo output depends on.</summary>
public class PythonFloatTests
{
    [TestCase(0.5, "0.5")]
    [TestCase(1.0, "1.0")]
    [TestCase(-1.25, "-1.25")]
    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e-05, "1e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1234567890123456.0, "1234567890123456.0")]
    [TestCase(1.5e300, "1.5e+300")]
    [TestCase(123456789012345678.0, "1.2345678901234568e+17")]
    [TestCase(3.141592653589793, "3.141592653589793")]
    public void Repr_MatchesPython(double value, string expected) => Assert.That(PythonFloat.Repr(value), Is.EqualTo(expected));

    [TestCase(1e-05, "1.0e-05")]
    [TestCase(1e16, "1.0e+16")]
    [TestCase(1.5e300, "1.5e+300")]
    [TestCase(double.NaN, ".nan")]
    [TestCase(double.PositiveInfinity, ".inf")]
    [TestCase(double.NegativeInfinity, "-.inf")]
    [TestCase(2.0, "2.0")]
    public void Yaml_MatchesPyYaml(double value, string expected) => Assert.That(PythonFloat.ToYaml(value), Is.EqualTo(expected));
}
