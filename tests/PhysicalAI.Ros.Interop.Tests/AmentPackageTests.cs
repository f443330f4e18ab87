using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using PhysicalAI.Nodes;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// The ament package ros_ws/src/physical_ai_ros: its package.xml is a valid format 3 manifest (against
/// the REP 149 schema, and as catkin_pkg — what colcon and rosdep read manifests with — parses it); and
/// the install CMake really produces (configured, built and installed into a temporary prefix, without
/// ament_cmake, which needs ROS 2) holds every executable, launch file, params file, URDF and model,
/// with wrappers that start the nodes and an installed pai that finds its share directory.
/// </summary>
[NonParallelizable]
public class AmentPackageTests
{
    private static readonly string Package = Path.Combine(RepositoryRoot.Path, "ros_ws", "src", "physical_ai_ros");
    private static readonly string Manifest = Path.Combine(Package, "package.xml");
    private string _work = string.Empty;
    private string _prefix = string.Empty;
    private string _installLog = string.Empty;

    [OneTimeSetUp]
    public void ConfigureBuildInstall()
    {
        _work = Directory.CreateTempSubdirectory("pai_ament_").FullName;
        _prefix = Path.Combine(_work, "install");
        string build = Path.Combine(_work, "build");
        Assert.That(ExternalProcess.Which("cmake"), Is.Not.Null, "cmake is needed (apt-get install cmake; .ci/run installs it)");
        foreach (string[] step in new[]
        {
            new[] { "-S", Package, "-B", build, "-DPAI_WITHOUT_AMENT=ON", $"-DCMAKE_INSTALL_PREFIX={_prefix}" },
            ["--build", build],
            ["--install", build],
        })
        {
            ExternalProcess.Result r = ExternalProcess.Run("cmake", step, RepositoryRoot.Path, TimeSpan.FromMinutes(20));
            _installLog += $"$ cmake {string.Join(' ', step)}\n{r.StandardOutput}{r.StandardError}";
            Assert.That(r.ExitCode, Is.Zero, _installLog);
        }
    }

    [OneTimeTearDown]
    public void RemoveInstall() => Directory.Delete(_work, recursive: true);

    [Test]
    public void PackageXml_ValidatesAgainstTheFormat3Schema()
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.Schemas.Add(null, Path.Combine(RepositoryRoot.Path, "tests", "PhysicalAI.Ros.Interop.Tests", "Ament", "package_format3.xsd"));
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add($"{Manifest}:{e.Exception.LineNumber}: {e.Message}");
        using (XmlReader reader = XmlReader.Create(Manifest, settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.That(errors, Is.Empty);

        // The schema is not vacuous: a manifest without a license, or with a bad name, fails it.
        string broken = Path.Combine(_work, "package.xml");
        File.WriteAllText(broken, File.ReadAllText(Manifest).Replace("<license>Apache-2.0</license>", string.Empty, StringComparison.Ordinal)
            .Replace("<name>physical_ai_ros</name>", "<name>Physical-AI</name>", StringComparison.Ordinal));
        settings.Schemas.Compile();
        var brokenErrors = new List<string>();
        settings.ValidationEventHandler += (_, e) => brokenErrors.Add(e.Message);
        using (XmlReader reader = XmlReader.Create(broken, settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.That(brokenErrors, Has.Some.Contains("'name'").And.Some.Contains("license"));
    }

    [Test]
    public void PackageXml_ParsesWithCatkinPkg_WithoutWarnings_AndDependsOnEveryInterfacePackage()
    {
        // catkin_pkg (Debian's python3-catkin-pkg) is the parser colcon, rosdep and bloom read package.xml with.
        const string Script = """
            import sys
            from catkin_pkg.package import parse_package
            warnings = []
            p = parse_package(sys.argv[1], warnings=warnings)
            print('format', p.package_format, 'name', p.name, 'build_type', p.get_build_type())
            print('warnings', len(warnings), *warnings)
            for distro in ('humble', 'jazzy'):
                p.evaluate_conditions({'ROS_DISTRO': distro})
                print(distro, ' '.join(sorted(d.name for d in p.exec_depends if d.evaluated_condition)))
            """;
        ExternalProcess.Result r = ExternalProcess.Run("/usr/bin/python3", ["-c", Script, Package], RepositoryRoot.Path);
        TestContext.Out.WriteLine(r.StandardOutput + r.StandardError);
        Assert.That(r.ExitCode, Is.Zero, "python3-catkin-pkg is needed (.ci/run installs it)\n" + r.StandardError);
        string[] lines = r.StandardOutput.Split('\n');
        string[] interfaces = [.. Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src", "PhysicalAI.Ros.Interfaces"))
            .Where(d => Directory.Exists(Path.Combine(d, "msg")) || Directory.Exists(Path.Combine(d, "srv")))
            .Select(Path.GetFileName).OfType<string>()];
        string[] jazzy = lines.Single(l => l.StartsWith("jazzy ", StringComparison.Ordinal)).Split(' ')[1..];
        string[] humble = lines.Single(l => l.StartsWith("humble ", StringComparison.Ordinal)).Split(' ')[1..];
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("format 3 name physical_ai_ros build_type ament_cmake"));
            Assert.That(lines[1], Is.EqualTo("warnings 0"));
            Assert.That(interfaces, Has.Length.GreaterThanOrEqualTo(10).And.Contains("sensor_msgs").And.Contains("control_msgs"));
            Assert.That(jazzy, Is.SupersetOf(interfaces).And.Contains("cyclonedds").And.Contains("rmw_cyclonedds_cpp").And.Contains("launch_yaml"));
            Assert.That(humble, Is.SupersetOf(interfaces.Where(i => i != "service_msgs")).And.Not.Contains("service_msgs"), "Humble has no service_msgs");
        });
    }

    [Test]
    public void Install_HoldsEveryExecutableLaunchFileConfigUrdfAndModel()
    {
        string lib = Path.Combine(_prefix, "lib", "physical_ai_ros");
        string share = Path.Combine(_prefix, "share", "physical_ai_ros");
        string[] installed = [.. Directory.GetFiles(_prefix, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_prefix, f)).Where(f => !f.StartsWith("lib/physical_ai_ros/pai/", StringComparison.Ordinal)).Order()];
        TestContext.Out.WriteLine(string.Join('\n', installed));

        string[] Sources(string folder) => Directory.Exists(Path.Combine(RepositoryRoot.Path, folder))
            ? [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories).Select(f => $"share/physical_ai_ros/{Path.GetRelativePath(RepositoryRoot.Path, f)}")]
            : [];
        string[] expected =
        [
            .. NodeExecutables.All.Select(e => $"lib/physical_ai_ros/{e.Name}"),
            "share/ament_index/resource_index/packages/physical_ai_ros",
            "share/physical_ai_ros/package.xml",
            .. Sources("launch"), .. Sources("config"), .. Sources("urdf"), .. Sources("models"),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(installed, Is.EquivalentTo(expected));
            Assert.That(Sources("launch"), Has.Length.EqualTo(3));
            Assert.That(Sources("urdf"), Does.Contain("share/physical_ai_ros/urdf/pai_arm.urdf").And.Contain("share/physical_ai_ros/urdf/so101.urdf"));
            Assert.That(File.Exists(Path.Combine(lib, "pai", "pai.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(lib, "pai", "urdf", "pai_arm.urdf")), Is.True, "the built-in robots travel with the executables");
            foreach (NodeExecutable e in NodeExecutables.All)
            {
                string wrapper = Path.Combine(lib, e.Name);
                Assert.That(ExternalProcess.Run("test", ["-x", wrapper]).ExitCode, Is.Zero, $"{wrapper} is executable");
                Assert.That(File.ReadAllText(wrapper), Does.EndWith($"exec dotnet \"$here/pai/pai.dll\" run {e.Name} \"$@\"\n"));
            }

            Assert.That(File.ReadAllText(Path.Combine(share, "package.xml")), Is.EqualTo(File.ReadAllText(Manifest)));
        });
    }

    [Test]
    public void InstalledWrapper_StartsTheNode_AndInstalledPaiLaunchUsesTheInstall()
    {
        uint domain = TestNetwork.NewDomain();
        using (var talker = new ChildProcess(Path.Combine(_prefix, "lib", "physical_ai_ros", "talker"), ["--ros-args", "-r", "__node:=installed_talker"], TestNetwork.Environment(domain)))
        {
            Assert.That(talker.WaitForLine(l => l.Contains("[installed_talker]: Publishing: 'Hello World: 1'"), TimeSpan.FromSeconds(90)), Is.True, talker.Output);
            talker.Signal(2);
            Assert.That(talker.WaitForExit(TimeSpan.FromSeconds(20)), Is.True);
            Assert.That(talker.ExitCode, Is.Zero, talker.Output);
        }

        // The installed pai, with the install on AMENT_PREFIX_PATH (as after sourcing its setup file):
        // $(find-pkg-share physical_ai_ros) is the installed share folder and nodes run the installed pai.
        string pai = Path.Combine(_prefix, "lib", "physical_ai_ros", "pai", "pai.dll");
        var environment = new Dictionary<string, string?> { ["AMENT_PREFIX_PATH"] = _prefix };
        ExternalProcess.Result print = ExternalProcess.Run("dotnet",
            [pai, "launch", "--print", Path.Combine(RepositoryRoot.Path, "tests", "PhysicalAI.Ros.Interop.Tests", "Launch", "sim_graph.launch.yaml")],
            _work, TimeSpan.FromSeconds(90), environment);
        ExternalProcess.Result args = ExternalProcess.Run("dotnet", [pai, "launch", "--show-args", "physical_ai_ros", "teleop.launch.yaml"], _work, TimeSpan.FromSeconds(90), environment);
        TestContext.Out.WriteLine(print.StandardOutput + print.StandardError + args.StandardOutput + args.StandardError);
        string share = Path.Combine(_prefix, "share", "physical_ai_ros");
        Assert.Multiple(() =>
        {
            Assert.That(print.ExitCode, Is.Zero);
            Assert.That(print.StandardOutput, Does.Match($@"sim_arm-1: \S*dotnet {Regex.Escape(pai)} run sim_arm --ros-args --params-file {Regex.Escape(share)}/config/sim_arm.yaml "));
            Assert.That(print.StandardOutput, Does.Contain($"--params-file {share}/config/safety_controller_sim.yaml"));
            Assert.That(args.ExitCode, Is.Zero);
            Assert.That(args.StandardOutput, Does.StartWith("Arguments (pass arguments as '<name>:=<value>'):\n\n    'terminal':"));
        });
    }
}
