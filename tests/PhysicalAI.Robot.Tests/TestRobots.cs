using PhysicalAI.Robot.Urdf;

namespace PhysicalAI.Robot.Tests;

/// <summary>Small URDFs whose kinematics can be worked out by hand.</summary>
internal static class TestRobots
{
    /// <summary>
    /// A planar 2R arm in the x-z plane: shoulder at z = 0.1 rotating about y, upper arm 0.3 m along x,
    /// forearm 0.2 m along x, tool 0.05 m further with its z axis pointing along the forearm.
    /// </summary>
    public const string Planar = """
        <?xml version="1.0"?>
        <robot name="planar">
          <material name="orange"><color rgba="1 0.5 0 1"/></material>
          <link name="base_link"><visual><geometry><box size="0.1 0.1 0.1"/></geometry><material name="orange"/></visual></link>
          <link name="upper_arm"><visual><origin xyz="0.15 0 0" rpy="0 1.5707963 0"/><geometry><cylinder radius="0.02" length="0.3"/></geometry></visual></link>
          <link name="forearm"><visual><geometry><sphere radius="0.03"/></geometry><material name="blue"><color rgba="0 0 1 1"/></material></visual></link>
          <link name="tool0"/>
          <joint name="shoulder" type="revolute">
            <parent link="base_link"/><child link="upper_arm"/>
            <origin xyz="0 0 0.1"/><axis xyz="0 -1 0"/>
            <limit lower="-2" upper="2" effort="10" velocity="1.5"/>
            <safety_controller soft_lower_limit="-1.9" soft_upper_limit="1.9" k_position="20" k_velocity="1"/>
          </joint>
          <joint name="elbow" type="revolute">
            <parent link="upper_arm"/><child link="forearm"/>
            <origin xyz="0.3 0 0"/><axis xyz="0 -1 0"/>
            <limit lower="-2.5" upper="2.5" effort="5" velocity="2"/>
          </joint>
          <joint name="tool" type="fixed">
            <parent link="forearm"/><child link="tool0"/>
            <origin xyz="0.25 0 0" rpy="0 1.5707963267948966 0"/>
          </joint>
        </robot>
        """;

    /// <summary>A 6R arm with offsets everywhere (no special structure) and a mimic gripper, for Jacobian and IK tests.</summary>
    public const string SixAxis = """
        <robot name="six">
          <link name="base_link"/><link name="l1"/><link name="l2"/><link name="l3"/><link name="l4"/><link name="l5"/><link name="l6"/>
          <link name="finger_a"/><link name="finger_b"/><link name="tool0"/>
          <joint name="j1" type="revolute"><parent link="base_link"/><child link="l1"/><origin xyz="0 0 0.12"/><axis xyz="0 0 1"/><limit lower="-3" upper="3" effort="20" velocity="1.5"/></joint>
          <joint name="j2" type="revolute"><parent link="l1"/><child link="l2"/><origin xyz="0.01 0.02 0.05" rpy="0.1 0 0"/><axis xyz="0 1 0"/><limit lower="-2" upper="2" effort="20" velocity="1.5"/></joint>
          <joint name="j3" type="revolute"><parent link="l2"/><child link="l3"/><origin xyz="0 0 0.22" rpy="0 0.2 0"/><axis xyz="0 1 0"/><limit lower="-2.6" upper="2.6" effort="10" velocity="2"/></joint>
          <joint name="j4" type="revolute"><parent link="l3"/><child link="l4"/><origin xyz="0.05 0 0.2"/><axis xyz="0 1 0"/><limit lower="-2" upper="2" effort="5" velocity="3"/></joint>
          <joint name="j5" type="revolute"><parent link="l4"/><child link="l5"/><origin xyz="0 0.01 0.06" rpy="0 0 0.3"/><axis xyz="0 0 1"/><limit lower="-3" upper="3" effort="5" velocity="3"/></joint>
          <joint name="j6" type="continuous"><parent link="l5"/><child link="l6"/><origin xyz="0 0 0.05"/><axis xyz="1 0 0"/><limit effort="5" velocity="3"/></joint>
          <joint name="grip" type="prismatic"><parent link="l6"/><child link="finger_a"/><origin xyz="0 0.01 0.04"/><axis xyz="0 1 0"/><limit lower="0" upper="0.03" effort="5" velocity="0.1"/></joint>
          <joint name="grip_mimic" type="prismatic"><parent link="l6"/><child link="finger_b"/><origin xyz="0 -0.01 0.04"/><axis xyz="0 -1 0"/><limit lower="0" upper="0.03" effort="5" velocity="0.1"/><mimic joint="grip" multiplier="1" offset="0"/></joint>
          <joint name="tool" type="fixed"><parent link="l6"/><child link="tool0"/><origin xyz="0 0 0.07"/></joint>
        </robot>
        """;

    public static RobotModel Parse(string urdf) => UrdfParser.Parse(urdf, "test.urdf");
}
