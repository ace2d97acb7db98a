// gx += gy * f'(x), with y = f(x) given where the derivative is cheaper from it. OP as in unary.wgsl.
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { n: u32, alpha: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> gy: array<f32>;
@group(0) @binding(4) var<storage, read_write> gx: array<f32>;

override OP: u32 = 0u;
const GELU_C: f32 = 0.7978845608;

fn sigmoid(v: f32) -> f32 {
    if (v >= 0.0) {
        return 1.0 / (1.0 + exp(-v));
    }
    let e = exp(v);
    return e / (1.0 + e);
}

fn pow_java(v: f32, a: f32) -> f32 {
    if (v > 0.0) {
        return pow(v, a);
    }
    if (v == 0.0) {
        if (a > 0.0) { return 0.0; }
        if (a == 0.0) { return 1.0; }
        return bitcast<f32>(0x7f800000u | (p.n & 0u));
    }
    if (a != floor(a)) {
        return bitcast<f32>(0x7fc00000u | (p.n & 0u));
    }
    let r = pow(-v, a);
    if (fract(a * 0.5) != 0.0) {
        return -r;
    }
    return r;
}

fn df(v: f32, w: f32, g: f32, a: f32) -> f32 {
    switch OP {
        case 0u: { return -g; }
        case 1u: { return g * w; }
        case 2u: { return g / v; }
        case 3u: { return g * 0.5 / w; }
        case 4u: { return g * (1.0 - w * w); }
        case 5u: { return g * w * (1.0 - w); }
        case 6u: { return select(0.0, g, v > 0.0); }
        case 7u: { return select(a * g, g, v > 0.0); }
        case 8u: {
            let t = tanh(clamp(GELU_C * (v + 0.044715 * v * v * v), -15.0, 15.0));
            let d_inner = GELU_C * (1.0 + 3.0 * 0.044715 * v * v);
            return g * (0.5 * (1.0 + t) + 0.5 * v * (1.0 - t * t) * d_inner);
        }
        case 9u: {
            let s = sigmoid(v);
            return g * s * (1.0 + v * (1.0 - s));
        }
        case 10u: { return g * sigmoid(v); }
        case 11u: { return a * g; }
        case 12u: { return g; }
        case 13u: { return g * a * pow_java(v, a - 1.0); }
        case 14u: { return 2.0 * v * g; }
        case 15u: { return select(select(0.0, -g, v < 0.0), g, v > 0.0); }
        case 16u: { return select(0.0, g, v > a); }
        case 17u: { return -g * w / v; }
        default: { return bitcast<f32>(0x7fc00000u | (p.n & 0u)); }
    }
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i < p.n) {
        gx[i] = gx[i] + df(x[i], y[i], gy[i], p.alpha);
    }
}
