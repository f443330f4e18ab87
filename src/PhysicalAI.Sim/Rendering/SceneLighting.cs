using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// Fixed lighting in the world (z up): ambient light, a key light from high over the -x, -y side and a dimmer fill
/// from the +x, +y side, both Lambertian. The directions were chosen so that the six faces of an axis-aligned box
/// all get clearly different brightness (0.39 to 0.83 of the albedo, 0.30 underneath), keeping every face of a
/// cube distinguishable whichever side the camera sees it from. Shading scales the albedo, so the hue is kept.
/// </summary>
internal readonly struct SceneLighting
{
    private const float Ambient = 0.3f;
    private const float KeyStrength = 0.6f;
    private const float FillStrength = 0.25f;

    private static readonly Vector3 KeyInWorld = Vector3.Normalize(new Vector3(-1f, -0.7f, 1f));
    private static readonly Vector3 FillInWorld = Vector3.Normalize(new Vector3(0.3f, 0.6f, 0.5f));

    private readonly Vector3 _key;
    private readonly Vector3 _fill;

    private SceneLighting(Vector3 key, Vector3 fill)
    {
        _key = key;
        _fill = fill;
    }

    /// <summary>The lights as seen from a camera, so that normals can stay in the camera frame.</summary>
    public static SceneLighting SeenFrom(Matrix4x4 worldToCamera) => new(
        Vector3.Normalize(Vector3.TransformNormal(KeyInWorld, worldToCamera)),
        Vector3.Normalize(Vector3.TransformNormal(FillInWorld, worldToCamera)));

    /// <summary>The colour of a flat face with the given outward unit normal (camera frame).</summary>
    public Rgb Shade(Rgb albedo, Vector3 normal)
    {
        float light = Ambient
            + (KeyStrength * MathF.Max(0, Vector3.Dot(normal, _key)))
            + (FillStrength * MathF.Max(0, Vector3.Dot(normal, _fill)));
        return new Rgb(Scale(albedo.R, light), Scale(albedo.G, light), Scale(albedo.B, light));
    }

    private static byte Scale(byte channel, float light) => (byte)MathF.Min(255, (channel * light) + 0.5f);
}
