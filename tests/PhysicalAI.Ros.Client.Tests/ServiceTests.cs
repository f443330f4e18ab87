using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Client.Tests;

public class ServiceTests
{
    [Test]
    public async Task Call_ReachesTheServerAndReturnsItsReply()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var server = new Node(context, "server");
        using var client = new Node(context, "client");
        server.CreateService<SetBool.Request, SetBool.Response>("set_flag", r => new SetBool.Response { Success = r.Data, Message = r.Data ? "on" : "off" });
        ServiceClient<SetBool.Request, SetBool.Response> flag = client.CreateClient<SetBool.Request, SetBool.Response>("/set_flag");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(server);
        Assert.That(await TestWait.WhileSpinning(executor, flag.WaitForServiceAsync(TimeSpan.FromSeconds(10))), Is.True);

        SetBool.Response on = await TestWait.WhileSpinning(executor, flag.CallAsync(new SetBool.Request { Data = true }, TimeSpan.FromSeconds(10)));
        SetBool.Response off = await TestWait.WhileSpinning(executor, flag.CallAsync(new SetBool.Request { Data = false }, TimeSpan.FromSeconds(10)));
        Assert.Multiple(() =>
        {
            Assert.That((on.Success, on.Message), Is.EqualTo((true, "on")));
            Assert.That((off.Success, off.Message), Is.EqualTo((false, "off")));
            Assert.That(flag.ServiceType, Is.EqualTo("std_srvs/srv/SetBool"));
        });
    }

    [Test]
    public async Task TwoClients_EachGetOnlyTheirOwnReplies()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        int calls = 0;
        node.CreateService<Trigger.Request, Trigger.Response>("count", _ => new Trigger.Response { Success = true, Message = (++calls).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var a = node.CreateClient<Trigger.Request, Trigger.Response>("count");
        var b = node.CreateClient<Trigger.Request, Trigger.Response>("count");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(await TestWait.WhileSpinning(executor, a.WaitForServiceAsync(TimeSpan.FromSeconds(10))), Is.True);
        Assert.That(await TestWait.WhileSpinning(executor, b.WaitForServiceAsync(TimeSpan.FromSeconds(10))), Is.True);

        Task<Trigger.Response> fromA = a.CallAsync(new Trigger.Request(), TimeSpan.FromSeconds(10));
        Task<Trigger.Response> fromB = b.CallAsync(new Trigger.Request(), TimeSpan.FromSeconds(10));
        Trigger.Response ra = await TestWait.WhileSpinning(executor, fromA);
        Trigger.Response rb = await TestWait.WhileSpinning(executor, fromB);
        Assert.That(new[] { ra.Message, rb.Message }, Is.EquivalentTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task NoServer_WaitReturnsFalse_AndACallTimesOutWithAClearMessage()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "lonely");
        var client = node.CreateClient<Trigger.Request, Trigger.Response>("nobody_home");
        Assert.That(await client.WaitForServiceAsync(TimeSpan.FromMilliseconds(300)), Is.False);
        var e = Assert.ThrowsAsync<ServiceCallException>(() => client.CallAsync(new Trigger.Request(), TimeSpan.FromMilliseconds(300)))!;
        Assert.That(e.Message, Does.Contain("/nobody_home").And.Contain("std_srvs/srv/Trigger").And.Contain("did not answer"));
    }

    [Test]
    public void Cancellation_EndsAWaitingCall()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "impatient");
        var client = node.CreateClient<Trigger.Request, Trigger.Response>("slow");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(async () => await client.CallAsync(new Trigger.Request(), cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void MismatchedRequestAndResponse_AreRejected()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        var e = Assert.Throws<ArgumentException>(() => node.CreateClient<Trigger.Request, SetBool.Response>("x"))!;
        Assert.That(e.Message, Does.Contain("std_srvs/srv/Trigger_Request").And.Contain("std_srvs/srv/SetBool_Response"));
    }

    [Test]
    public void ServiceEndpoints_AppearInTheGraphWithRosNames()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain);
        using RosContext other = TestRos.Context(domain);
        using var node = new Node(context, "provider", new NodeOptions { Namespace = "/arm" });
        node.CreateService<Trigger.Request, Trigger.Response>("~/reset", _ => new Trigger.Response());
        Assert.That(TestWait.Until(() => other.Graph.GetServiceNamesAndTypes().Any(s => s.Service == "/arm/provider/reset"), TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(other.Graph.GetServiceNamesAndTypes().Single(s => s.Service == "/arm/provider/reset").Types, Is.EqualTo(new[] { "std_srvs/srv/Trigger" }));
    }

    [Test]
    public void FastDdsParticipants_AreRecognisedByTheirVendorBytes()
    {
        byte[] fast = new byte[16];
        fast[0] = 0x01;
        fast[1] = 0x0f;
        byte[] cyclone = new byte[16];
        cyclone[0] = 0x01;
        cyclone[1] = 0x10;
        Assert.Multiple(() =>
        {
            Assert.That(new DdsGid(fast).IsFastDds, Is.True);
            Assert.That(new DdsGid(fast).Vendor, Is.EqualTo("eProsima Fast DDS"));
            Assert.That(new DdsGid(cyclone).IsFastDds, Is.False);
        });
    }

    [Test]
    public async Task AHandlerThatThrowsOrRepliesBadly_IsLogged_AndTheExecutorGoesOn()
    {
        var logs = new LogCapture();
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), logs);
        using var node = new Node(context, "sloppy");
        node.CreateService<Trigger.Request, Trigger.Response>("throws", _ => throw new InvalidOperationException("boom"));
        node.CreateService<Trigger.Request, Trigger.Response>("null_message", _ => new Trigger.Response { Message = null! });
        node.CreateService<Trigger.Request, Trigger.Response>("fine", _ => new Trigger.Response { Success = true });
        var throws = node.CreateClient<Trigger.Request, Trigger.Response>("throws");
        var nullMessage = node.CreateClient<Trigger.Request, Trigger.Response>("null_message");
        var fine = node.CreateClient<Trigger.Request, Trigger.Response>("fine");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        foreach (var client in new[] { throws, nullMessage, fine })
        {
            Assert.That(await TestWait.WhileSpinning(executor, client.WaitForServiceAsync(TimeSpan.FromSeconds(20))), Is.True);
        }

        Task<Trigger.Response> a = throws.CallAsync(new Trigger.Request(), TimeSpan.FromSeconds(2));
        Task<Trigger.Response> b = nullMessage.CallAsync(new Trigger.Request(), TimeSpan.FromSeconds(2));
        Trigger.Response ok = await TestWait.WhileSpinning(executor, fine.CallAsync(new Trigger.Request(), TimeSpan.FromSeconds(20)));
        Assert.Multiple(() =>
        {
            Assert.That(ok.Success, Is.True, "the executor survived both");
            Assert.That(async () => await TestWait.WhileSpinning(executor, a), Throws.InstanceOf<ServiceCallException>());
            Assert.That(async () => await TestWait.WhileSpinning(executor, b), Throws.InstanceOf<ServiceCallException>());
            Assert.That(logs.Lines, Has.Some.Contains("Service '/throws' failed to handle a request"));
            Assert.That(logs.Lines, Has.Some.Contains("Service '/null_message' could not send its reply"));
        });
    }
}
