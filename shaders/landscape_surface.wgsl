// The loss landscape as a lit 3-D surface (descent.labs.landscape.GpuSurface): a height field drawn as triangles.
// Each vertex carries its world position, normal, colour-map colour and its place t in [0, 1] on the colour scale.
// The fragment shades by a light above and to the left (the same rule as the Canvas2D fallback) and draws contour
// lines where t crosses a multiple of 1/8, the levels the heat map shows.
struct Uniforms {
    viewProj: mat4x4f,   // SurfaceCamera.matrix: world to clip space
    light: vec4f,        // xyz: direction towards the light, unit length
}

@group(0) @binding(0) var<uniform> u: Uniforms;

struct VertexOut {
    @builtin(position) clip: vec4f,
    @location(0) normal: vec3f,
    @location(1) colour: vec3f,
    @location(2) t: f32,
}

@vertex
fn vs(@location(0) pos: vec3f, @location(1) normal: vec3f, @location(2) colour: vec3f, @location(3) t: f32)
        -> VertexOut {
    var out: VertexOut;
    out.clip = u.viewProj * vec4f(pos, 1.0);
    out.normal = normal;
    out.colour = colour;
    out.t = t;
    return out;
}

@fragment
fn fs(in: VertexOut) -> @location(0) vec4f {
    let lambert = clamp(dot(normalize(in.normal), u.light.xyz), 0.0, 1.0);
    var rgb = in.colour * (0.55 + 0.45 * lambert);
    // contour lines one pixel wide whatever the zoom: distance to the nearest level in units of t per pixel
    let scaled = in.t * 8.0;
    let d = abs(fract(scaled + 0.5) - 0.5) / max(fwidth(scaled), 1e-5);
    let line = 1.0 - clamp(d - 0.5, 0.0, 1.0);
    if (in.t > 0.001 && in.t < 0.999) {
        rgb = mix(rgb, vec3f(1.0), 0.45 * line);
    }
    return vec4f(rgb, 1.0);
}
