using PhysicalAI.Nodes.Demo;

namespace PhysicalAI.Nodes;

/// <summary>Every node executable of the suite, by name.</summary>
public static class NodeExecutables
{
    /// <summary>All executables, sorted by name.</summary>
    public static IReadOnlyList<NodeExecutable> All { get; } =
    [
        new("listener", "Logs every std_msgs/String received on 'chatter' (as demo_nodes_cpp's listener)", Listener.Run),
        new("talker", "Publishes 'Hello World: N' on 'chatter' once a second (as demo_nodes_cpp's talker)", Talker.Run),
    ];

    /// <summary>Finds an executable by name.</summary>
    public static NodeExecutable? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
