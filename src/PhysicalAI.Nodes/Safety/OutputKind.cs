namespace PhysicalAI.Nodes.Safety;

/// <summary>The form of the robot's command interface.</summary>
internal enum OutputKind
{
    /// <summary>std_msgs/Float64MultiArray, one position per joint (ros2_control's forward position controller).</summary>
    PositionArray,

    /// <summary>sensor_msgs/JointState with names and positions.</summary>
    JointState,

    /// <summary>trajectory_msgs/JointTrajectory with one point (a joint trajectory controller).</summary>
    JointTrajectory,
}
