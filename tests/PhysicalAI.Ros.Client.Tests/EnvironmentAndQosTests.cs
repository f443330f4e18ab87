using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Tests;

public class EnvironmentAndQosTests
{
    private static RosEnvironment From(params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value);
        return RosEnvironment.From(k => map.GetValueOrDefault(k));
    }

    [Test]
    public void Defaults_AreDomainZeroSubnetJazzy()
    {
        RosEnvironment e = From();
        Assert.Multiple(() =>
        {
            Assert.That(e.DomainId, Is.Zero);
            Assert.That(e.DiscoveryRange, Is.EqualTo(DiscoveryRange.Subnet));
            Assert.That(e.Distro, Is.EqualTo(RosDistro.Jazzy));
            Assert.That(e.CycloneConfiguration(), Is.Null);
        });
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("233")]
    public void BadDomainId_IsAClearError(string value)
    {
        var e = Assert.Throws<RosArgumentsException>(() => From(("ROS_DOMAIN_ID", value)))!;
        Assert.That(e.Message, Does.Contain("ROS_DOMAIN_ID").And.Contain(value));
    }

    [Test]
    public void Localhost_BuildsRmwCycloneddsLocalhostConfig_ThenCycloneddsUri()
    {
        RosEnvironment e = From(("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST"), ("ROS_STATIC_PEERS", "10.0.0.5;robot.local"), ("CYCLONEDDS_URI", "file:///etc/cyclone.xml"));
        string config = e.CycloneConfiguration()!;
        Assert.Multiple(() =>
        {
            Assert.That(config, Does.Contain("<AllowMulticast>false</AllowMulticast>"));
            Assert.That(config, Does.Contain("<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>"));
            Assert.That(config, Does.Contain("<Peer address=\"localhost\"/><Peer address=\"10.0.0.5\"/><Peer address=\"robot.local\"/>"));
            Assert.That(config, Does.EndWith(",file:///etc/cyclone.xml"));
        });
    }

    [Test]
    public void HumbleLocalhostOnly_PinsTheLoopbackInterface()
    {
        RosEnvironment e = From(("ROS_LOCALHOST_ONLY", "1"), ("ROS_DISTRO", "humble"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Distro, Is.EqualTo(RosDistro.Humble));
            Assert.That(e.CycloneConfiguration(), Does.Contain("<NetworkInterface address=\"127.0.0.1\"/>"));
        });
    }

    [Test]
    public void BadDiscoveryRange_IsAClearError()
    {
        var e = Assert.Throws<RosArgumentsException>(() => From(("ROS_AUTOMATIC_DISCOVERY_RANGE", "GALAXY")))!;
        Assert.That(e.Message, Does.Contain("LOCALHOST, SUBNET, OFF, SYSTEM_DEFAULT"));
    }

    [Test]
    public void Mapping_FollowsRmwCyclonedds()
    {
        DdsQos sensor = QosMapping.ToDds(QosProfiles.SensorData, null);
        DdsQos rosout = QosMapping.ToDds(QosProfiles.Rosout, null);
        DdsQos system = QosMapping.ToDds(QosProfiles.SystemDefault, null);
        DdsQos keepAll = QosMapping.ToDds(QosProfiles.Default.KeepAll(), null);
        Assert.Multiple(() =>
        {
            Assert.That(sensor.Reliability, Is.EqualTo(DdsReliability.BestEffort));
            Assert.That(sensor.Depth, Is.EqualTo(5));
            Assert.That(rosout.Durability, Is.EqualTo(DdsDurability.TransientLocal));
            Assert.That(rosout.DurabilityServiceFromHistory, Is.True);
            Assert.That(rosout.Lifespan, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(rosout.Depth, Is.EqualTo(1000));
            Assert.That(system.Reliability, Is.EqualTo(DdsReliability.Reliable), "system default is reliable with Cyclone");
            Assert.That(system.History, Is.EqualTo(DdsHistory.KeepLast));
            Assert.That(system.Depth, Is.EqualTo(1));
            Assert.That(keepAll.History, Is.EqualTo(DdsHistory.KeepAll));
            Assert.That(sensor.AutodisposeUnregisteredInstances, Is.False);
        });
    }

    [Test]
    public void Compatibility_FollowsRequestedVersusOffered()
    {
        DdsQos reliable = QosMapping.ToDds(QosProfiles.Default, null);
        DdsQos bestEffort = QosMapping.ToDds(QosProfiles.SensorData, null);
        DdsQos latched = QosMapping.ToDds(QosProfiles.Default.TransientLocal(), null);
        Assert.Multiple(() =>
        {
            Assert.That(QosCompatibility.Incompatibilities(bestEffort, reliable), Is.EqualTo(new[] { DdsQosPolicy.Reliability }));
            Assert.That(QosCompatibility.Incompatibilities(reliable, bestEffort), Is.Empty);
            Assert.That(QosCompatibility.Incompatibilities(reliable, latched), Is.EqualTo(new[] { DdsQosPolicy.Durability }));
            Assert.That(QosCompatibility.Incompatibilities(latched, reliable), Is.Empty);
        });
    }

    [Test]
    public void ProfileNames_AreTheRos2CliOnes()
    {
        Assert.That(QosProfiles.FromName("sensor_data"), Is.SameAs(QosProfiles.SensorData));
        var e = Assert.Throws<ArgumentException>(() => QosProfiles.FromName("fast"))!;
        Assert.That(e.Message, Does.Contain("sensor_data"));
    }
}
