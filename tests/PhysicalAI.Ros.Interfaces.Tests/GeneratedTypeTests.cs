using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces.Description;
using PhysicalAI.Ros.Interfaces.GeometryMsgs.Msg;
using PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.RosgraphMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>Names, constants, defaults and error paths of the generated types.</summary>
public class GeneratedTypeTests
{
    [Test]
    public void Names_FollowRosAndDdsConventions()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JointState.RosTypeName, Is.EqualTo("sensor_msgs/msg/JointState"));
            Assert.That(JointState.DdsTypeName, Is.EqualTo("sensor_msgs::msg::dds_::JointState_"));
            Assert.That(Trigger.RosTypeName, Is.EqualTo("std_srvs/srv/Trigger"));
            Assert.That(Trigger.Request.RosTypeName, Is.EqualTo("std_srvs/srv/Trigger_Request"));
            Assert.That(Trigger.Response.DdsTypeName, Is.EqualTo("std_srvs::srv::dds_::Trigger_Response_"));
        });
    }

    [Test]
    public void Constants_HaveTheirDeclaredTypesAndValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterType.PARAMETER_DOUBLE, Is.TypeOf<byte>().And.EqualTo(3));
            Assert.That(ParameterType.PARAMETER_STRING_ARRAY, Is.EqualTo(9));
            Assert.That(Log.INFO, Is.EqualTo(20));
            Assert.That(Log.FATAL, Is.EqualTo(50));
            Assert.That(RclInterfaces.Srv.ListParameters.Request.DEPTH_RECURSIVE, Is.TypeOf<ulong>().And.EqualTo(0UL));
        });
    }

    [Test]
    public void Defaults_ComeFromTheMsgFiles()
    {
        var q = new Quaternion();
        var info = new CameraInfo();
        var descriptor = new ParameterDescriptor();
        Assert.Multiple(() =>
        {
            Assert.That(q.W, Is.EqualTo(1.0));
            Assert.That(q.X, Is.Zero);
            Assert.That(info.K, Has.Length.EqualTo(9));
            Assert.That(info.P, Has.Length.EqualTo(12));
            Assert.That(info.D, Is.Empty);
            Assert.That(info.DistortionModel, Is.Empty);
            Assert.That(descriptor.ReadOnly, Is.False);
            Assert.That(descriptor.FloatingPointRange, Is.Empty);
        });
    }

    [Test]
    public void FieldNamedLikeItsType_GetsUnderscoreSuffix()
    {
        var clock = new Clock { Clock_ = new BuiltinInterfaces.Msg.Time { Sec = 3 } };
        Assert.That(RosSerializer.Deserialize<Clock>(RosSerializer.Serialize(clock)).Clock_.Sec, Is.EqualTo(3));
    }

    [Test]
    public void NestedError_NamesThePathToTheField()
    {
        var trajectory = new JointTrajectory
        {
            JointNames = ["a"],
            Points = [new JointTrajectoryPoint { Positions = [1.0] }, new JointTrajectoryPoint { Positions = [2.0, 3.0] }],
        };
        byte[] bytes = RosSerializer.Serialize(trajectory);

        // Cut the last byte: the second point's time_from_start.nanosec.
        int cut = bytes.Length - 1;
        var e = Assert.Throws<CdrException>(() => RosSerializer.Deserialize<JointTrajectory>(bytes.AsSpan(0, cut).ToArray()))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Field, Is.EqualTo("points[1].time_from_start.nanosec"));
            Assert.That(e.Offset, Is.EqualTo(bytes.Length - 4));
        });
        TestContext.Out.WriteLine(e.Message);
    }

    [Test]
    public void NullMember_IsAClearErrorNotANullReference()
    {
        var state = new JointState { Position = null! };
        var e = Assert.Throws<CdrException>(() => RosSerializer.Serialize(state))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.NullMember));
            Assert.That(e.Field, Is.EqualTo("position"));
        });
    }

    [Test]
    public void FixedArray_WrongLength_IsRejectedOnWrite()
    {
        var info = new CameraInfo { K = new double[8] };
        var e = Assert.Throws<CdrException>(() => RosSerializer.Serialize(info))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.ArrayLengthMismatch));
            Assert.That(e.Field, Is.EqualTo("k"));
        });
    }

    [Test]
    public void BoundedSequence_OverBound_IsRejectedOnWrite()
    {
        var descriptor = new ParameterDescriptor { IntegerRange = [new IntegerRange(), new IntegerRange()] };
        var e = Assert.Throws<CdrException>(() => RosSerializer.Serialize(descriptor))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.BoundExceeded));
            Assert.That(e.Field, Is.EqualTo("integer_range"));
        });
    }

    [Test]
    public void Registry_FindsTypesByFullAndShortName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RosTypeRegistry.TryGetMessage("sensor_msgs/msg/Image", out RosMessageDescriptor image), Is.True);
            Assert.That(image.ClrType, Is.EqualTo(typeof(Image)));
            Assert.That(RosTypeRegistry.TryGetMessage("std_msgs/String", out RosMessageDescriptor s), Is.True);
            Assert.That(s.RosTypeName, Is.EqualTo("std_msgs/msg/String"));
            Assert.That(RosTypeRegistry.TryGetService("std_srvs/srv/SetBool", out RosServiceDescriptor setBool), Is.True);
            Assert.That(setBool.Request.Fields.Select(f => f.Name), Is.EqualTo(new[] { "data" }));
            Assert.That(RosTypeRegistry.TryGetMessage("no_such/msg/Type", out _), Is.False);
        });
    }

    [Test]
    public void Descriptor_DescribesFieldsInDeclarationOrder()
    {
        RosMessageDescriptor d = CameraInfo.Descriptor;
        RosFieldDescriptor k = d.Fields.Single(f => f.Name == "k");
        RosFieldDescriptor roi = d.Fields.Single(f => f.Name == "roi");
        Assert.Multiple(() =>
        {
            Assert.That(d.Fields.Select(f => f.Name), Is.EqualTo(new[]
            {
                "header", "height", "width", "distortion_model", "d", "k", "r", "p", "binning_x", "binning_y", "roi",
            }));
            Assert.That(k.Kind, Is.EqualTo(RosFieldKind.Float64));
            Assert.That(k.Array, Is.EqualTo(RosArrayKind.Fixed));
            Assert.That(k.ArraySize, Is.EqualTo(9));
            Assert.That(roi.MessageType!.RosTypeName, Is.EqualTo("sensor_msgs/msg/RegionOfInterest"));
        });
    }
}
