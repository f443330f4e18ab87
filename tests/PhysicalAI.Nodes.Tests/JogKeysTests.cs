using PhysicalAI.Nodes.Teleop;

namespace PhysicalAI.Nodes.Tests;

public class JogKeysTests
{
    [Test]
    public void EachJointHasAPositiveKeyAboveANegativeOne()
    {
        string[] upper = ["w", "e", "r", "t", "y", "u", "i", "o"];
        string[] lower = ["s", "d", "f", "g", "h", "j", "k", "l"];
        for (int j = 0; j < JogKeys.MaxJoints; j++)
        {
            Assert.Multiple(() =>
            {
                Assert.That(JogKeys.Map(upper[j][0]), Is.EqualTo(KeyCommand.Jog(j, +1)), upper[j]);
                Assert.That(JogKeys.Map(lower[j][0]), Is.EqualTo(KeyCommand.Jog(j, -1)), lower[j]);
            });
        }
    }

    [Test]
    public void CapsLockChangesNothing()
    {
        foreach (char c in JogKeys.Positive + JogKeys.Negative + "xzq")
        {
            Assert.That(JogKeys.Map(char.ToUpperInvariant(c)), Is.EqualTo(JogKeys.Map(c)), c.ToString());
        }
    }

    [TestCase(' ', KeyAction.Stop)]
    [TestCase('+', KeyAction.Faster)]
    [TestCase('=', KeyAction.Faster)]
    [TestCase('-', KeyAction.Slower)]
    [TestCase('_', KeyAction.Slower)]
    [TestCase('x', KeyAction.EmergencyStop)]
    [TestCase('z', KeyAction.Reset)]
    [TestCase('?', KeyAction.Help)]
    [TestCase('q', KeyAction.Quit)]
    [TestCase('\u0004', KeyAction.Quit)]
    [TestCase('p', KeyAction.None)]
    [TestCase('1', KeyAction.None)]
    [TestCase('\0', KeyAction.None)]
    [TestCase('\u001b', KeyAction.None)]
    public void OtherKeys(char key, KeyAction action)
    {
        KeyCommand command = JogKeys.Map(key);
        Assert.Multiple(() =>
        {
            Assert.That(command.Action, Is.EqualTo(action));
            Assert.That(command.Joint, Is.EqualTo(-1));
            Assert.That(command.Direction, Is.Zero);
        });
    }

    [Test]
    public void NoKeyHasTwoMeanings()
    {
        string all = JogKeys.Positive + JogKeys.Negative + " +-xz?q";
        Assert.That(all.Distinct().Count(), Is.EqualTo(all.Length));
    }

    [Test]
    public void HelpListsEachJointWithItsKeys()
    {
        IReadOnlyList<string> help = JogKeys.Help(["joint_1", "joint_2", "a_joint_with_a_very_long_name"]);
        Assert.Multiple(() =>
        {
            Assert.That(help, Has.Some.Match(@"^\s+1 joint_1\s+w\s+s$"));
            Assert.That(help, Has.Some.Match(@"^\s+2 joint_2\s+e\s+d$"));
            Assert.That(help, Has.Some.Match(@"^\s+3 a_joint_with_a_very…\s+r\s+f$"));
            Assert.That(help, Has.Some.Contains("space  stop now"));
            Assert.That(help, Has.Some.Contains("x      e-stop"));
            Assert.That(help, Has.Some.Contains("q / Ctrl-C  quit"));
        });
    }

    [Test]
    public void HelpSaysWhichJointsHaveNoKeys()
    {
        string[] joints = [.. Enumerable.Range(1, 10).Select(i => $"j{i}")];
        IReadOnlyList<string> help = JogKeys.Help(joints);
        Assert.Multiple(() =>
        {
            Assert.That(help, Has.Some.Match(@"^\s+8 j8\s+o\s+l$"));
            Assert.That(help, Has.None.Contains(" j9 "));
            Assert.That(help, Has.Some.Contains("(2 more joints have no keys; choose 8 with the joint_names parameter)"));
        });
    }
}
