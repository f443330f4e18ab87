using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>Receiving into a reused instance keeps its arrays and strings and allocates nothing.</summary>
public class ReuseTests
{
    private static JointState SevenJoints(double offset) => new()
    {
        Header = new Header { FrameId = "base_link", Stamp = new BuiltinInterfaces.Msg.Time { Sec = 12, Nanosec = 34 } },
        Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")],
        Position = [.. Enumerable.Range(0, 7).Select(i => i * 0.1 + offset)],
        Velocity = new double[7],
        Effort = new double[7],
    };

    [Test]
    public void JointState_ReusedInstance_KeepsArraysAndAllocatesNothing()
    {
        byte[] first = RosSerializer.Serialize(SevenJoints(0));
        byte[] second = RosSerializer.Serialize(SevenJoints(1));
        var target = new JointState();
        RosSerializer.Deserialize(first, target);
        double[] positions = target.Position;
        string[] names = target.Name;

        // Warm up so that one-time costs (static initialization, tiered JIT) are not counted.
        for (int i = 0; i < 100; i++)
        {
            RosSerializer.Deserialize(i % 2 == 0 ? second : first, target);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RosSerializer.Deserialize(i % 2 == 0 ? second : first, target);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(target.Position, Is.SameAs(positions));
            Assert.That(target.Name, Is.SameAs(names));
            Assert.That(target, Is.EqualTo(SevenJoints(0)), "the last payload read was the first one");
        });
    }

    [Test]
    public void JointState_SerializeIntoBuffer_AllocatesNothing()
    {
        JointState message = SevenJoints(0);
        byte[] buffer = new byte[RosSerializer.GetSerializedSize(message)];
        for (int i = 0; i < 100; i++)
        {
            RosSerializer.Serialize(message, buffer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RosSerializer.Serialize(message, buffer);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void ChangedName_IsReplacedNotReused()
    {
        JointState other = SevenJoints(0);
        other.Name[3] = "wrist";
        var target = new JointState();
        RosSerializer.Deserialize(RosSerializer.Serialize(SevenJoints(0)), target);
        RosSerializer.Deserialize(RosSerializer.Serialize(other), target);
        Assert.That(target.Name[3], Is.EqualTo("wrist"));
    }
}
