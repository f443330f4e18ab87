using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>The typing rcl_yaml_param_parser applies to <c>-p</c> values and params files.</summary>
public class ParameterYamlTests
{
    [TestCase("true", true)]
    [TestCase("False", false)]
    [TestCase("YES", true)]
    [TestCase("off", false)]
    [TestCase("y", true)]
    public void Bools(string text, bool expected) => Assert.That(ParameterYaml.ParseValue(text), Is.EqualTo(ParameterValue.Of(expected)));

    [TestCase("42", 42L)]
    [TestCase("-7", -7L)]
    [TestCase("0x1F", 31L)]
    [TestCase("010", 8L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    public void Integers_AsStrtollBaseZero(string text, long expected) => Assert.That(ParameterYaml.ParseValue(text), Is.EqualTo(ParameterValue.Of(expected)));

    [TestCase("0.5", 0.5)]
    [TestCase("1e3", 1000.0)]
    [TestCase("9223372036854775808", 9223372036854775808.0)]
    [TestCase("08", 8.0)]
    [TestCase(".inf", double.PositiveInfinity)]
    [TestCase("-.inf", double.NegativeInfinity)]
    public void Doubles(string text, double expected) => Assert.That(ParameterYaml.ParseValue(text), Is.EqualTo(ParameterValue.Of(expected)));

    [Test]
    public void Nan_IsADouble() => Assert.That(double.IsNaN((double)ParameterYaml.ParseValue(".nan").Value!), Is.True);

    [TestCase("hello", "hello")]
    [TestCase("'1'", "1")]
    [TestCase("\"true\"", "true")]
    [TestCase("!!str 5", "5")]
    [TestCase("null", "null")]
    [TestCase("~", "~")]
    public void Strings(string text, string expected) => Assert.That(ParameterYaml.ParseValue(text), Is.EqualTo(ParameterValue.Of(expected)));

    [Test]
    public void Arrays_TakeTheirElementsType()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterYaml.ParseValue("[1, 2, 3]"), Is.EqualTo(ParameterValue.Of(new long[] { 1, 2, 3 })));
            Assert.That(ParameterYaml.ParseValue("[true, off]"), Is.EqualTo(ParameterValue.Of(new[] { true, false })));
            Assert.That(ParameterYaml.ParseValue("[a, 'b']"), Is.EqualTo(ParameterValue.Of(new[] { "a", "b" })));
            Assert.That(ParameterYaml.ParseValue("[0.5, 1.5]"), Is.EqualTo(ParameterValue.Of(new[] { 0.5, 1.5 })));
        });
    }

    [TestCase("[1, 2.0]", "one type")]
    [TestCase("[]", "empty array")]
    [TestCase("{a: 1}", "not a map")]
    [TestCase("[[1]]", "nested")]
    [TestCase("", "empty")]
    public void Rejected(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ParameterYaml.ParseValue(text))!;
        Assert.That(e.Message, Does.Contain(reason));
    }
}
