using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>
/// The RIHS01 hashes the generator computes against the ones a real ROS 2 Jazzy build generated
/// (TestData/jazzy-type-hashes.tsv). The hash covers field names, order and types, so a match also
/// proves those .msg definitions are exactly Jazzy's.
/// </summary>
public class TypeHashTests
{
    private static Dictionary<string, string> JazzyHashes() =>
        File.ReadLines(TestData.PathOf("jazzy-type-hashes.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    [Test]
    public void EveryGeneratedTypeListedByJazzy_HasJazzysHash()
    {
        Dictionary<string, string> jazzy = JazzyHashes();
        var compared = new List<string>();
        var mismatches = new List<string>();
        foreach (string name in RosTypeRegistry.MessageTypeNames)
        {
            Assert.That(RosTypeRegistry.TryGetMessage(name, out RosMessageDescriptor d), Is.True);
            if (jazzy.TryGetValue(name, out string? expected))
            {
                compared.Add(name);
                if (d.TypeHash != expected)
                {
                    mismatches.Add($"{name}: ours {d.TypeHash}, Jazzy {expected}");
                }
            }
        }

        foreach (string name in RosTypeRegistry.ServiceTypeNames)
        {
            Assert.That(RosTypeRegistry.TryGetService(name, out RosServiceDescriptor d), Is.True);
            if (jazzy.TryGetValue(name, out string? expected))
            {
                compared.Add(name);
                if (d.TypeHash != expected)
                {
                    mismatches.Add($"{name}: ours {d.TypeHash}, Jazzy {expected}");
                }
            }
        }

        TestContext.Out.WriteLine($"compared {compared.Count} types with Jazzy's hashes");
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(compared, Has.Count.GreaterThanOrEqualTo(70), "the generated set overlaps Jazzy's list in at least 70 types");
            Assert.That(compared, Does.Contain("sensor_msgs/msg/JointState").And.Contain("std_srvs/srv/Trigger").And.Contain("rcl_interfaces/srv/SetParameters"));
        });
    }

    [Test]
    public void GoldenFileHashes_MatchTheGeneratedTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StdMsgs.Msg.String.TypeHash, Is.EqualTo(TestData.GoldenLine("std_msgs/msg/String").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
            Assert.That(SensorMsgs.Msg.JointState.TypeHash, Is.EqualTo(TestData.GoldenLine("sensor_msgs/msg/JointState").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        });
    }
}
