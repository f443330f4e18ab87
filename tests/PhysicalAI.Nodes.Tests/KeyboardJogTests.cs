using PhysicalAI.Nodes.Teleop;

namespace PhysicalAI.Nodes.Tests;

/// <summary>The deadman against key streams as terminals deliver them: a press, the repeat delay, then repeats about 30 times a second.</summary>
public class KeyboardJogTests
{
    private const double KeyTimeout = 0.7, RepeatTimeout = 0.2, Tick = 0.02, RepeatPeriod = 1 / 30.0;

    private static KeyboardJog Jog(double speedScale = 0.3) => new(maxVelocity: 1.0, speedScale, KeyTimeout, RepeatTimeout);

    /// <summary>Runs the publish timer from <paramref name="from"/> to <paramref name="to"/>, pressing <paramref name="key"/> at <paramref name="presses"/>; returns what each tick published.</summary>
    private static List<(double At, JogOutput? Output)> Run(KeyboardJog jog, double from, double to, char key = 'w', params double[] presses)
    {
        var published = new List<(double, JogOutput?)>();
        int next = 0;
        for (double now = from; now <= to + 1e-9; now += Tick)
        {
            while (next < presses.Length && presses[next] <= now)
            {
                jog.Press(JogKeys.Map(key), presses[next++]);
            }

            published.Add((now, jog.Tick(now)));
        }

        return published;
    }

    /// <summary>A held key: the press at 0, repeats from <paramref name="delay"/> every 1/30 s until <paramref name="release"/>.</summary>
    private static double[] Held(double delay, double release) =>
        [0, .. Enumerable.Range(0, 1000).Select(i => delay + (i * RepeatPeriod)).TakeWhile(t => t < release)];

    [Test]
    public void NothingIsPublishedBeforeAKey()
    {
        Assert.That(Run(Jog(), 0, 2).All(p => p.Output is null), Is.True);
    }

    [TestCase(0.25)]
    [TestCase(0.5)]
    [TestCase(0.66)]
    public void AHeldKeyJogsWithoutAGap_ThroughTheRepeatDelay(double delay)
    {
        KeyboardJog jog = Jog();
        var published = Run(jog, 0, 2, 'w', Held(delay, release: 2.5));
        Assert.That(published, Has.All.Matches<(double, JogOutput?)>(p => p.Item2 == new JogOutput(0, 0.3)));
        Assert.That(jog.IsRepeating, Is.True);
    }

    [Test]
    public void AReleasedKey_StopsWithinTheRepeatTimeout_ThenNothingIsPublished()
    {
        KeyboardJog jog = Jog();
        double release = 1.5;
        double[] presses = Held(0.5, release);
        var published = Run(jog, 0, 3, 'w', presses);
        double lastPress = presses[^1];
        (double At, JogOutput? Output) stop = published.Single(p => p.Output is { Velocity: 0 });
        Assert.Multiple(() =>
        {
            Assert.That(stop.Output, Is.EqualTo(new JogOutput(0, 0)));
            Assert.That(stop.At - lastPress, Is.GreaterThan(RepeatTimeout).And.LessThanOrEqualTo(RepeatTimeout + Tick));
            Assert.That(published.Where(p => p.At < stop.At), Has.All.Matches<(double, JogOutput?)>(p => p.Item2 == new JogOutput(0, 0.3)));
            Assert.That(published.Where(p => p.At > stop.At).All(p => p.Output is null), Is.True, "silent after the stop");
            Assert.That(jog.IsJogging, Is.False);
        });
    }

    [Test]
    public void ATap_JogsForTheKeyTimeout_ThenStops()
    {
        var published = Run(Jog(), 0, 2, 's', 0.1);
        (double At, JogOutput? Output) stop = published.Single(p => p.Output is { Velocity: 0 });
        Assert.Multiple(() =>
        {
            Assert.That(stop.Output, Is.EqualTo(new JogOutput(0, 0)));
            Assert.That(stop.At - 0.1, Is.GreaterThan(KeyTimeout).And.LessThanOrEqualTo(KeyTimeout + Tick));
            Assert.That(published.Where(p => p.At >= 0.1 && p.At < stop.At), Has.All.Matches<(double, JogOutput?)>(p => p.Item2 == new JogOutput(0, -0.3)));
        });
    }

    [Test]
    public void ARepeatThatComesLate_StopsTheJog_AndTheNextOneStartsItAgain()
    {
        // Repeats every 1/30 s, then one 0.3 s gap (a stalled terminal): the deadman does not wait for it.
        double[] presses = [0, .. Enumerable.Range(0, 20).Select(i => 0.5 + (i * RepeatPeriod)), 1.4, 1.4 + RepeatPeriod];
        KeyboardJog jog = Jog();
        var published = Run(jog, 0, 1.6, 'w', presses);
        Assert.Multiple(() =>
        {
            Assert.That(published.Single(p => p.Output is { Velocity: 0 }).At, Is.InRange(presses[20] + RepeatTimeout, presses[20] + RepeatTimeout + Tick));
            Assert.That(published.Last().Output, Is.EqualTo(new JogOutput(0, 0.3)), "jogging again");
            Assert.That(jog.IsRepeating, Is.True);
        });
    }

    [Test]
    public void SpaceStopsAtOnce()
    {
        KeyboardJog jog = Jog();
        jog.Press(JogKeys.Map('e'), 0);
        Assert.That(jog.Tick(0.02), Is.EqualTo(new JogOutput(1, 0.3)));
        jog.Press(JogKeys.Map(' '), 0.03);
        Assert.Multiple(() =>
        {
            Assert.That(jog.Tick(0.04), Is.EqualTo(new JogOutput(1, 0)));
            Assert.That(jog.Tick(0.06), Is.Null);
            Assert.That(jog.IsJogging, Is.False);
        });
    }

    [Test]
    public void AStopWithNoJogPublishesNothing()
    {
        KeyboardJog jog = Jog();
        jog.Press(JogKeys.Map(' '), 0);
        jog.Stop();
        Assert.That(jog.Tick(0.02), Is.Null);
    }

    [Test]
    public void AnotherKeyReplacesTheJog_AndIsAFirstPress()
    {
        KeyboardJog jog = Jog();
        var published = Run(jog, 0, 1.0, 'w', Held(0.5, release: 1.0));
        Assert.That(jog.IsRepeating, Is.True);
        jog.Press(JogKeys.Map('d'), 1.01);
        Assert.Multiple(() =>
        {
            Assert.That(jog.Tick(1.02), Is.EqualTo(new JogOutput(1, -0.3)));
            Assert.That(jog.IsRepeating, Is.False, "the new key has the long timeout until it repeats");
            Assert.That(jog.Tick(1.01 + KeyTimeout - 0.01), Is.EqualTo(new JogOutput(1, -0.3)));
            Assert.That(jog.Tick(1.01 + KeyTimeout + 0.01), Is.EqualTo(new JogOutput(1, 0)));
        });
    }

    [Test]
    public void TheReverseKeyOfTheSameJointReversesAtOnce()
    {
        KeyboardJog jog = Jog();
        jog.Press(JogKeys.Map('w'), 0);
        jog.Press(JogKeys.Map('w'), 0.5);
        jog.Press(JogKeys.Map('s'), 0.52);
        Assert.That(jog.Tick(0.54), Is.EqualTo(new JogOutput(0, -0.3)));
    }

    [Test]
    public void SpeedKeysStepByATenth_WithinTheirRange_AndApplyToTheHeldJog()
    {
        KeyboardJog jog = Jog(speedScale: 0.3);
        jog.Press(JogKeys.Map('w'), 0);
        jog.Press(JogKeys.Map('+'), 0.1);
        Assert.That(jog.Tick(0.12), Is.EqualTo(new JogOutput(0, 0.4)));
        for (int i = 0; i < 20; i++)
        {
            jog.Press(JogKeys.Map('+'), 0.2);
        }

        Assert.That(jog.SpeedScale, Is.EqualTo(1.0));
        for (int i = 0; i < 20; i++)
        {
            jog.Press(JogKeys.Map('-'), 0.3);
        }

        Assert.Multiple(() =>
        {
            Assert.That(jog.SpeedScale, Is.EqualTo(KeyboardJog.MinSpeedScale));
            Assert.That(jog.Speed, Is.EqualTo(0.1).Within(1e-12));
        });
        jog.Press(JogKeys.Map('+'), 0.3);
        jog.Press(JogKeys.Map('+'), 0.3);
        Assert.That(jog.SpeedScale, Is.EqualTo(0.3), "no drift from repeated tenths");
    }

    [Test]
    public void SpeedKeysDoNotKeepAJogAlive()
    {
        KeyboardJog jog = Jog();
        jog.Press(JogKeys.Map('w'), 0);
        jog.Press(JogKeys.Map('+'), 0.5);
        jog.Press(JogKeys.Map('+'), 0.65);
        Assert.That(jog.Tick(KeyTimeout + 0.01), Is.EqualTo(new JogOutput(0, 0)));
    }

    [Test]
    public void BadSettingsAreRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new KeyboardJog(0, 0.3, 0.7, 0.2), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new KeyboardJog(1, 0.05, 0.7, 0.2), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new KeyboardJog(1, 1.5, 0.7, 0.2), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new KeyboardJog(1, 0.3, 0.1, 0.2), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new KeyboardJog(1, 0.3, 0.7, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
