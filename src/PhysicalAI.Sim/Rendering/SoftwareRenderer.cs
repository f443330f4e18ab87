using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// Draws boxes, cylinders and spheres into an rgb8 image and a depth image, as a pinhole camera sees them, on the
/// CPU: triangles rasterized in fixed point with a depth buffer, flat Lambert shading, near-plane clipping.
/// One instance owns its frame buffers and is reused frame after frame without allocating; it is not thread-safe.
/// Output depends only on the inputs, so the same scene renders to identical bytes every time.
/// </summary>
public sealed class SoftwareRenderer
{
    private readonly ViewFrustum _frustum;
    private readonly Backdrop _backdrop;
    private readonly float[] _inverseDepth;
    private readonly float[] _depth;
    private readonly Vector3[] _cameraPoints;
    private readonly ScreenVertex[] _screenPoints;
    private readonly int[] _outcodes;
    private readonly Vector3[] _cullPlanes;

    /// <summary>Creates a renderer for one camera, allocating its frame buffers.</summary>
    /// <param name="intrinsics">The camera's image size and pinhole parameters.</param>
    public SoftwareRenderer(CameraIntrinsics intrinsics)
    {
        ArgumentNullException.ThrowIfNull(intrinsics);
        Intrinsics = intrinsics;
        _frustum = new ViewFrustum(intrinsics);
        _backdrop = new Backdrop(intrinsics, SkyColor, FloorColor);
        // The rgb8 image has to fit in one span.
        int pixels = checked(intrinsics.Width * intrinsics.Height * 3) / 3;
        _inverseDepth = new float[pixels];
        _depth = new float[pixels];
        _depth.AsSpan().Fill(float.PositiveInfinity);
        _cameraPoints = new Vector3[UnitMesh.MaxVertexCount];
        _screenPoints = new ScreenVertex[UnitMesh.MaxVertexCount];
        _outcodes = new int[UnitMesh.MaxVertexCount];
        _cullPlanes = ImageSidePlanes(intrinsics);
    }

    /// <summary>Background above the horizon (viewing rays pointing up in world z).</summary>
    public static Rgb SkyColor { get; } = new(170, 200, 230);

    /// <summary>Background below the horizon (viewing rays pointing down in world z).</summary>
    public static Rgb FloorColor { get; } = new(105, 100, 95);

    /// <summary>Nothing nearer than this along the optical axis (metres) is drawn; shapes crossing it are cut open.</summary>
    public static float NearPlane => ViewFrustum.NearPlane;

    /// <summary>The camera this renderer draws for.</summary>
    public CameraIntrinsics Intrinsics { get; }

    /// <summary>
    /// The depth of the last frame, <c>Width * Height</c> floats, row-major, top row first: the distance along the
    /// optical z axis in metres to the surface drawn at each pixel, +infinity where no shape was drawn.
    /// It is overwritten by the next <see cref="Render"/>; copy it to keep it.
    /// </summary>
    public ReadOnlySpan<float> Depth => _depth;

    /// <summary>
    /// Draws <paramref name="shapes"/> as seen from a camera whose optical frame (REP 103: x right, y down,
    /// z forward) has pose <paramref name="cameraToWorld"/> (row-vector convention, <c>world = optical * pose</c>;
    /// see <see cref="OpticalFrame"/> to get it from a body-style camera link). Pixels showing no shape get
    /// <see cref="SkyColor"/> or <see cref="FloorColor"/>. Faces are lit by a fixed key light, fill light and
    /// ambient light (world z up) so the faces of a cube differ in brightness but keep the shape's hue.
    /// </summary>
    /// <param name="shapes">The shapes; order does not matter.</param>
    /// <param name="cameraToWorld">The optical frame's pose in the world.</param>
    /// <param name="rgb8">At least <c>Width * Height * 3</c> bytes, which receive the image in rgb8, row-major, top row first.</param>
    /// <exception cref="ArgumentException">
    /// The buffer is too small, the camera pose is not finite and invertible, or a shape has an unknown kind or a
    /// non-finite size or pose; nothing is drawn then.
    /// </exception>
    public void Render(ReadOnlySpan<RenderShape> shapes, Matrix4x4 cameraToWorld, Span<byte> rgb8)
    {
        int pixels = _inverseDepth.Length;
        if (rgb8.Length < pixels * 3)
        {
            throw new ArgumentException($"an rgb8 image of {Intrinsics.Width}x{Intrinsics.Height} needs {pixels * 3} bytes, got {rgb8.Length}", nameof(rgb8));
        }

        if (!IsFinite(cameraToWorld) || !Matrix4x4.Invert(cameraToWorld, out Matrix4x4 worldToCamera) || !IsFinite(worldToCamera))
        {
            throw new ArgumentException("the camera pose must be finite and invertible", nameof(cameraToWorld));
        }

        // Checked before drawing anything, so a bad shape never leaves a half-drawn frame behind.
        foreach (RenderShape shape in shapes)
        {
            if ((uint)shape.Kind > (uint)ShapeKind.Sphere)
            {
                throw new ArgumentException($"shape kind {shape.Kind} is not one the renderer knows", nameof(shapes));
            }

            if (!IsFinite(shape.Pose) || !float.IsFinite(shape.Size.X) || !float.IsFinite(shape.Size.Y) || !float.IsFinite(shape.Size.Z))
            {
                throw new ArgumentException($"shape {shape.Kind} has a non-finite size or pose", nameof(shapes));
            }
        }

        Span<byte> image = rgb8[..(pixels * 3)];
        _backdrop.Paint(image, cameraToWorld);
        _inverseDepth.AsSpan().Clear();
        var target = new RasterTarget(image, _inverseDepth, Intrinsics.Width, Intrinsics.Height);
        SceneLighting lighting = SceneLighting.SeenFrom(worldToCamera);
        foreach (RenderShape shape in shapes)
        {
            Draw(shape, worldToCamera, lighting, target);
        }

        StoreDepth();
    }

    private void Draw(in RenderShape shape, Matrix4x4 worldToCamera, SceneLighting lighting, RasterTarget target)
    {
        UnitMesh mesh = UnitMesh.For(shape.Kind);
        Matrix4x4 shapeToCamera = Matrix4x4.CreateScale(shape.Size) * shape.Pose * worldToCamera;
        if (IsOutOfView(mesh, shapeToCamera))
        {
            return;
        }

        Vector3[] points = _cameraPoints;
        ScreenVertex[] screen = _screenPoints;
        int[] outcodes = _outcodes;
        Vector3[] vertices = mesh.Vertices;
        for (int i = 0; i < vertices.Length; i++)
        {
            Vector3 point = Vector3.Transform(vertices[i], shapeToCamera);
            points[i] = point;
            int outcode = _frustum.Outcode(point);
            outcodes[i] = outcode;
            if (outcode == 0)
            {
                screen[i] = _frustum.Project(point);
            }
        }

        // A mirroring pose or a negative size turns the mesh inside out; flipping the normals keeps culling right.
        float handedness = shapeToCamera.GetDeterminant() < 0 ? -1 : 1;
        int[] triangles = mesh.Triangles;
        for (int t = 0; t < triangles.Length; t += 3)
        {
            int ia = triangles[t], ib = triangles[t + 1], ic = triangles[t + 2];
            int outside = outcodes[ia] | outcodes[ib] | outcodes[ic];
            if ((outcodes[ia] & outcodes[ib] & outcodes[ic]) != 0)
            {
                continue;
            }

            Vector3 a = points[ia], b = points[ib], c = points[ic];
            Vector3 normal = Vector3.Cross(b - a, c - a) * handedness;

            // The camera is at the origin: it sees the outer side only if the origin is in front of the face's plane.
            if (Vector3.Dot(normal, a) >= 0)
            {
                continue;
            }

            Rgb color = lighting.Shade(shape.Color, Vector3.Normalize(normal));
            if (outside == 0)
            {
                target.FillTriangle(screen[ia], screen[ib], screen[ic], color);
                continue;
            }

            ReadOnlySpan<Vector3> polygon = _frustum.Clip(a, b, c, outside);
            if (polygon.Length < 3)
            {
                continue;
            }

            ScreenVertex first = _frustum.Project(polygon[0]);
            ScreenVertex previous = _frustum.Project(polygon[1]);
            for (int i = 2; i < polygon.Length; i++)
            {
                ScreenVertex next = _frustum.Project(polygon[i]);
                target.FillTriangle(first, previous, next, color);
                previous = next;
            }
        }
    }

    /// <summary>Whether the shape's bounding sphere lies wholly behind the near plane or beyond an image edge.</summary>
    private bool IsOutOfView(UnitMesh mesh, Matrix4x4 shapeToCamera)
    {
        Vector3 centre = shapeToCamera.Translation;
        float scale = MathF.Sqrt(MathF.Max(
            new Vector3(shapeToCamera.M11, shapeToCamera.M12, shapeToCamera.M13).LengthSquared(),
            MathF.Max(
                new Vector3(shapeToCamera.M21, shapeToCamera.M22, shapeToCamera.M23).LengthSquared(),
                new Vector3(shapeToCamera.M31, shapeToCamera.M32, shapeToCamera.M33).LengthSquared())));
        float radius = mesh.BoundingRadius * scale;
        if (centre.Z + radius < NearPlane)
        {
            return true;
        }

        foreach (Vector3 inward in _cullPlanes)
        {
            if (Vector3.Dot(inward, centre) < -radius)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Turns the inverse depths into depths; undrawn pixels hold 0, and 1 / 0 is +infinity, as promised.
    /// </summary>
    private void StoreDepth()
    {
        ReadOnlySpan<float> inverse = _inverseDepth;
        Span<float> depth = _depth;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= inverse.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector<float>.One / new Vector<float>(inverse[i..])).CopyTo(depth[i..]);
            }
        }

        for (; i < inverse.Length; i++)
        {
            depth[i] = 1 / inverse[i];
        }
    }

    /// <summary>Unit normals of the planes through the camera centre and the four image edges, pointing into the view.</summary>
    private static Vector3[] ImageSidePlanes(CameraIntrinsics intrinsics)
    {
        float fx = (float)intrinsics.Fx, fy = (float)intrinsics.Fy, cx = (float)intrinsics.Cx, cy = (float)intrinsics.Cy;
        return
        [
            Vector3.Normalize(new Vector3(fx, 0, cx)),
            Vector3.Normalize(new Vector3(-fx, 0, intrinsics.Width - cx)),
            Vector3.Normalize(new Vector3(0, fy, cy)),
            Vector3.Normalize(new Vector3(0, -fy, intrinsics.Height - cy)),
        ];
    }

    private static bool IsFinite(Matrix4x4 m) =>
        float.IsFinite(m.M11 + m.M12 + m.M13 + m.M14 + m.M21 + m.M22 + m.M23 + m.M24
            + m.M31 + m.M32 + m.M33 + m.M34 + m.M41 + m.M42 + m.M43 + m.M44);
}
