namespace PhysicalAI.Sim.Tests;

public class SceneTests
{
    [Test]
    public void SameSeed_SameScene_OtherSeeds_OtherScenes()
    {
        var layout = new SceneLayout();
        Scene a = layout.Generate(42), b = layout.Generate(42), c = layout.Generate(43);
        Assert.Multiple(() =>
        {
            Assert.That(b.Cubes, Is.EqualTo(a.Cubes));
            Assert.That(b.Target, Is.EqualTo(a.Target));
            Assert.That(c.Cubes, Is.Not.EqualTo(a.Cubes));
        });
    }

    [Test]
    public void Scenes_Have3To5DistinctColouredCubes_InTheRegion_ApartFromEachOther()
    {
        var layout = new SceneLayout();
        var counts = new HashSet<int>();
        for (int seed = 0; seed < 300; seed++)
        {
            Scene scene = layout.Generate(seed);
            counts.Add(scene.Cubes.Count);
            Assert.That(scene.Cubes.Select(c => c.Color.Name), Is.Unique);
            Assert.That(scene.Cubes, Does.Contain(scene.Target));
            Assert.That(scene.Instruction, Is.EqualTo($"reach the {scene.Target.Color.Name} cube"));
            foreach (SceneCube cube in scene.Cubes)
            {
                Assert.That(cube.Center.X, Is.InRange(layout.X.Min, layout.X.Max));
                Assert.That(cube.Center.Y, Is.InRange(layout.Y.Min, layout.Y.Max));
                Assert.That(cube.Center.Z, Is.EqualTo(cube.Size / 2), "resting on the table");
                foreach (SceneCube other in scene.Cubes.Where(o => o != cube))
                {
                    double gap = Math.Sqrt(Math.Pow(cube.Center.X - other.Center.X, 2) + Math.Pow(cube.Center.Y - other.Center.Y, 2));
                    Assert.That(gap, Is.GreaterThanOrEqualTo(layout.Separation), $"seed {seed}");
                }
            }
        }

        Assert.That(counts, Is.EquivalentTo(new[] { 3, 4, 5 }));
    }
}
