namespace PhysicalAI.Ros.Dds.Tests;

/// <summary>Our CDR-carrying sertype through real Cyclone DDS: writers, readers, wait sets, guard conditions, discovery.</summary>
public class DdsPubSubTests
{
    private static readonly DdsQos Reliable = new() { Reliability = DdsReliability.Reliable, History = DdsHistory.KeepLast, Depth = 10 };

    private static byte[] Payload(int bodyLength, byte seed)
    {
        byte[] payload = new byte[4 + bodyLength];
        payload[1] = 1;
        for (int i = 4; i < payload.Length; i++)
        {
            payload[i] = (byte)(seed + i);
        }

        return payload;
    }

    private static byte[] TakeOne(DdsParticipant participant, DdsReader reader, TimeSpan timeout)
    {
        using DdsWaitSet waitSet = participant.CreateWaitSet();
        using DdsReadCondition condition = reader.CreateReadCondition();
        waitSet.Attach(condition, 1);
        Span<nint> triggered = stackalloc nint[4];
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            waitSet.Wait(triggered, deadline - DateTime.UtcNow);
            if (reader.TryTake(out DdsSample sample))
            {
                using (sample)
                {
                    if (sample.IsValid)
                    {
                        return sample.Payload.ToArray();
                    }
                }
            }
        }

        throw new TimeoutException("no sample arrived");
    }

    [Test]
    public void Payload_ArrivesByteForByte_PaddedToFour()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        string topic = DdsTestDomain.UniqueTopic("bytes");
        using DdsReader reader = participant.CreateReader(topic, "std_msgs::msg::dds_::String_", Reliable);
        using DdsWriter writer = participant.CreateWriter(topic, "std_msgs::msg::dds_::String_", Reliable);
        byte[] hello = Convert.FromHexString("000100000600000068656c6c6f00");
        writer.Write(hello);
        byte[] received = TakeOne(participant, reader, TimeSpan.FromSeconds(10));
        Assert.That(Convert.ToHexString(received).ToLowerInvariant(), Is.EqualTo("000100000600000068656c6c6f000000"));
    }

    [Test]
    public void LargePayload_ArrivesIntact()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        string topic = DdsTestDomain.UniqueTopic("large");
        using DdsReader reader = participant.CreateReader(topic, "sensor_msgs::msg::dds_::Image_", Reliable);
        using DdsWriter writer = participant.CreateWriter(topic, "sensor_msgs::msg::dds_::Image_", Reliable);
        byte[] payload = Payload(921_600, 7);
        writer.Write(payload);
        Assert.That(TakeOne(participant, reader, TimeSpan.FromSeconds(10)), Is.EqualTo(payload));
    }

    [Test]
    public void WriteLoan_NotCommitted_WritesNothing()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        string topic = DdsTestDomain.UniqueTopic("loan");
        using DdsReader reader = participant.CreateReader(topic, "std_msgs::msg::dds_::Empty_", Reliable);
        using DdsWriter writer = participant.CreateWriter(topic, "std_msgs::msg::dds_::Empty_", Reliable);
        using (DdsWriteLoan loan = writer.BeginWrite(8))
        {
            loan.Payload.Fill(1);
        }

        writer.Write(Payload(1, 0));
        Assert.That(TakeOne(participant, reader, TimeSpan.FromSeconds(10)), Has.Length.EqualTo(8), "only the committed write arrives");
        Assert.That(reader.TryTake(out _), Is.False);
    }

    [Test]
    public void GuardCondition_WakesAWaitSet()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        using DdsWaitSet waitSet = participant.CreateWaitSet();
        using DdsGuardCondition guard = participant.CreateGuardCondition();
        waitSet.Attach(guard, 42);
        var trigger = Task.Run(async () =>
        {
            await Task.Delay(50);
            guard.Trigger();
        });
        Span<nint> triggered = stackalloc nint[2];
        int count = waitSet.Wait(triggered, TimeSpan.FromSeconds(30));
        trigger.Wait();
        nint token = triggered[0];
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That(token, Is.EqualTo((nint)42));
            Assert.That(guard.Take(), Is.True);
            Assert.That(guard.Take(), Is.False);
        });
    }

    [Test]
    public void Discovery_SeesOurWriterWithTypeNameAndUserData()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        string topic = DdsTestDomain.UniqueTopic("discovery");
        using DdsDiscoveryReader publications = participant.CreateDiscoveryReader(DdsDiscoveryTopic.Publications);
        using DdsWriter writer = participant.CreateWriter(topic, "std_msgs::msg::dds_::String_", Reliable with { UserData = "typehash=RIHS01_x;"u8.ToArray() });
        DdsDiscoveredEntity? seen = null;
        for (int attempt = 0; attempt < 200 && seen is null; attempt++)
        {
            seen = publications.TakeChanges().FirstOrDefault(e => e.TopicName == topic);
            if (seen is null)
            {
                Thread.Sleep(25);
            }
        }

        Assert.That(seen, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(seen!.Alive, Is.True);
            Assert.That(seen.Gid, Is.EqualTo(writer.Gid));
            Assert.That(seen.ParticipantGid, Is.EqualTo(participant.Gid));
            Assert.That(seen.TypeName, Is.EqualTo("std_msgs::msg::dds_::String_"));
            Assert.That(seen.Qos.UserDataText, Is.EqualTo("typehash=RIHS01_x;"));
            Assert.That(seen.Qos.Reliability, Is.EqualTo(DdsReliability.Reliable));
            Assert.That(seen.Gid.Vendor, Is.EqualTo("Eclipse Cyclone DDS"));
        });
    }

    [Test]
    public void IncompatibleQos_IsReportedOnBothSides()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        string topic = DdsTestDomain.UniqueTopic("incompatible");
        using DdsReader reader = participant.CreateReader(topic, "std_msgs::msg::dds_::String_", Reliable);
        using DdsWriter writer = participant.CreateWriter(topic, "std_msgs::msg::dds_::String_", Reliable with { Reliability = DdsReliability.BestEffort });
        (int NewCount, DdsQosPolicy LastPolicy) requested = default, offered = default;
        for (int attempt = 0; attempt < 200 && (requested.NewCount == 0 || offered.NewCount == 0); attempt++)
        {
            Thread.Sleep(10);
            if (requested.NewCount == 0)
            {
                requested = reader.TakeIncompatibleQos();
            }

            if (offered.NewCount == 0)
            {
                offered = writer.TakeIncompatibleQos();
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(requested.NewCount, Is.GreaterThan(0));
            Assert.That(requested.LastPolicy, Is.EqualTo(DdsQosPolicy.Reliability));
            Assert.That(offered.LastPolicy, Is.EqualTo(DdsQosPolicy.Reliability));
            Assert.That(reader.MatchedWriterCount, Is.Zero);
        });
    }
}
