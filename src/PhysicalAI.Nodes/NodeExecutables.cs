using PhysicalAI.Nodes.Demo;
using PhysicalAI.Nodes.Policy;
using PhysicalAI.Nodes.Safety;
using PhysicalAI.Nodes.Sim;
using PhysicalAI.Nodes.Teleop;

namespace PhysicalAI.Nodes;

/// <summary>Every node executable of the suite, by name.</summary>
public static class NodeExecutables
{
    /// <summary>All executables, sorted by name.</summary>
    public static IReadOnlyList<NodeExecutable> All { get; } =
    [
        new("listener", "Logs every std_msgs/String received on 'chatter' (as demo_nodes_cpp's listener)", Listener.Run),
        new("policy_node", "Runs an ONNX vision-language-action policy from its card: cameras, joint states and the instruction in, joint setpoints out for the safety controller", PolicyNode.Run),
        new("safety_controller", "The only node that commands the robot: limits, watchdog, e-stop and arbitration between teleop and the policy", SafetyControllerNode.Run),
        new("sim_arm", "Simulated arm with cameras and reach-task episodes (joint states, tf, images; position, JointState and trajectory commands)", SimArmNode.Run),
        new("talker", "Publishes 'Hello World: N' on 'chatter' once a second (as demo_nodes_cpp's talker)", Talker.Run),
        new("teleop_keyboard", "Jogs the arm's joints from a terminal through the safety controller (hold a key to move, release to stop; e-stop and reset keys)", TeleopKeyboardNode.Run),
    ];

    /// <summary>Finds an executable by name.</summary>
    public static NodeExecutable? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
