namespace PhysicalAI.Nodes.Teleop;

/// <summary>
/// The deadman of keyboard jogging, as plain logic over a clock the caller passes in (seconds, any origin).
/// A terminal reports presses, never releases: a held key arrives once, then, after the auto-repeat delay
/// (250–660 ms on common terminals), again about 30 times a second. So a jog lasts while presses keep
/// coming: <see cref="KeyTimeout"/> after a first press (long enough to bridge the repeat delay), then
/// <see cref="RepeatTimeout"/> once repeats are seen, so the arm stops soon after the key is released.
/// </summary>
/// <remarks>
/// <see cref="Tick"/> runs at the publish rate: while a jog is held it returns the jog every tick, once it
/// ends it returns one zero-velocity jog and then nothing, so the command source falls silent and the safety
/// controller holds (or lets another source take over).
/// </remarks>
public sealed class KeyboardJog
{
    /// <summary>Speed scale change per <see cref="KeyAction.Faster"/> or <see cref="KeyAction.Slower"/>.</summary>
    public const double SpeedStep = 0.1;

    /// <summary>The lowest speed scale the keys reach.</summary>
    public const double MinSpeedScale = 0.1;

    private bool _active, _repeating, _stopPending;
    private int _joint = -1, _stopJoint = -1, _direction;
    private double _lastPress;

    /// <summary>Creates the logic.</summary>
    /// <param name="maxVelocity">Jog velocity at speed scale 1, rad/s (m/s).</param>
    /// <param name="speedScale">Initial speed scale, <see cref="MinSpeedScale"/>..1.</param>
    /// <param name="keyTimeout">Seconds a jog lasts after a first press with no repeat.</param>
    /// <param name="repeatTimeout">Seconds a jog lasts after a repeat; at most <paramref name="keyTimeout"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public KeyboardJog(double maxVelocity, double speedScale, double keyTimeout, double repeatTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxVelocity);
        ArgumentOutOfRangeException.ThrowIfLessThan(speedScale, MinSpeedScale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(speedScale, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeatTimeout);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyTimeout, repeatTimeout);
        MaxVelocity = maxVelocity;
        SpeedScale = speedScale;
        KeyTimeout = keyTimeout;
        RepeatTimeout = repeatTimeout;
    }

    /// <summary>Jog velocity at speed scale 1.</summary>
    public double MaxVelocity { get; }

    /// <summary>The fraction of <see cref="MaxVelocity"/> jogs move at.</summary>
    public double SpeedScale { get; private set; }

    /// <summary>The jog velocity now: <see cref="MaxVelocity"/> × <see cref="SpeedScale"/>.</summary>
    public double Speed => MaxVelocity * SpeedScale;

    /// <summary>Seconds a jog lasts after a first press.</summary>
    public double KeyTimeout { get; }

    /// <summary>Seconds a jog lasts after a repeat.</summary>
    public double RepeatTimeout { get; }

    /// <summary>Whether a jog is held.</summary>
    public bool IsJogging => _active;

    /// <summary>Whether the held key is auto-repeating (so the short timeout applies).</summary>
    public bool IsRepeating => _active && _repeating;

    /// <summary>The held jog's joint (0-based), or -1.</summary>
    public int Joint => _active ? _joint : -1;

    /// <summary>The held jog's direction (+1, -1), or 0.</summary>
    public int Direction => _active ? _direction : 0;

    /// <summary>
    /// Applies a key's command at <paramref name="now"/>: jogs, stop and speed; other actions are the
    /// caller's (they stop any jog first, see <see cref="Stop"/>). A jog of another joint or direction
    /// replaces the held one (a jog message names the jogged joint only, and receivers zero the others).
    /// </summary>
    public void Press(KeyCommand command, double now)
    {
        switch (command.Action)
        {
            case KeyAction.Jog:
                // The same key again before the jog ran out is the terminal's auto-repeat of a held key.
                bool repeat = _active && command.Joint == _joint && command.Direction == _direction && now - _lastPress <= Timeout;
                _repeating = repeat;
                _active = true;
                _joint = command.Joint;
                _direction = command.Direction;
                _lastPress = now;
                break;
            case KeyAction.Stop:
                Stop();
                break;
            case KeyAction.Faster:
                SpeedScale = Math.Min(1.0, Math.Round((SpeedScale + SpeedStep) * 100) / 100);
                break;
            case KeyAction.Slower:
                SpeedScale = Math.Max(MinSpeedScale, Math.Round((SpeedScale - SpeedStep) * 100) / 100);
                break;
        }
    }

    /// <summary>Ends a held jog at once; the next <see cref="Tick"/> returns its zero-velocity stop.</summary>
    public void Stop()
    {
        if (_active)
        {
            _active = false;
            _stopPending = true;
            _stopJoint = _joint;
        }
    }

    /// <summary>
    /// The message to publish at <paramref name="now"/>: the held jog, the zero-velocity stop once it has run
    /// out or was stopped, or null when there is nothing to send.
    /// </summary>
    public JogOutput? Tick(double now)
    {
        if (_active && now - _lastPress > Timeout)
        {
            Stop();
        }

        if (_stopPending)
        {
            _stopPending = false;
            return new JogOutput(_stopJoint, 0);
        }

        return _active ? new JogOutput(_joint, _direction * Speed) : null;
    }

    private double Timeout => _repeating ? RepeatTimeout : KeyTimeout;
}
