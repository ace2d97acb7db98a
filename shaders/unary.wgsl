// y = f(x; alpha) elementwise. OP is the ordinal of descent.tensor.Unary, an override constant, so each function is
// its own specialised pipeline with no branch in the loop body.
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { n: u32, alpha: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override OP: u32 = 0u;
const GELU_C: f32 = 0.7978845608;

fn inf() -> f32 {
    return bitcast<f32>(0x7f800000u | (p.n & 0u));
}

fn nan() -> f32 {
    return bitcast<f32>(0x7fc00000u | (p.n & 0u));
}

fn sigmoid(v: f32) -> f32 {
    // split by sign so exp never overflows, as the CPU reference does
    if (v >= 0.0) {
        return 1.0 / (1.0 + exp(-v));
    }
    let e = exp(v);
    return e / (1.0 + e);
}

// tanh(15) is 1 in float32; clamping avoids exp overflow inside some drivers' tanh (NaN for large |v|)
fn tanh_safe(v: f32) -> f32 {
    return tanh(clamp(v, -15.0, 15.0));
}

// log(1 + e) without losing small e (WGSL has no log1p)
fn log1p_pos(e: f32) -> f32 {
    if (e < 1e-4) {
        return e * (1.0 - 0.5 * e);
    }
    return log(1.0 + e);
}

// Math.pow semantics: negative bases only with integer exponents; WGSL's pow is undefined for x <= 0
fn pow_java(v: f32, a: f32) -> f32 {
    if (v > 0.0) {
        return pow(v, a);
    }
    if (v == 0.0) {
        if (a > 0.0) { return 0.0; }
        if (a == 0.0) { return 1.0; }
        return inf();
    }
    if (a != floor(a)) {
        return nan();
    }
    let r = pow(-v, a);
    if (fract(a * 0.5) != 0.0) {
        return -r;
    }
    return r;
}

fn f(v: f32, a: f32) -> f32 {
    switch OP {
        case 0u: { return -v; }
        case 1u: { return exp(v); }
        case 2u: { return log(v); }
        case 3u: { return sqrt(v); }
        case 4u: { return tanh_safe(v); }
        case 5u: { return sigmoid(v); }
        case 6u: { return max(v, 0.0); }
        case 7u: { return select(a * v, v, v > 0.0); }
        case 8u: { return 0.5 * v * (1.0 + tanh_safe(GELU_C * (v + 0.044715 * v * v * v))); }
        case 9u: { return v * sigmoid(v); }
        case 10u: { return max(v, 0.0) + log1p_pos(exp(-abs(v))); }
        case 11u: { return a * v; }
        case 12u: { return v + a; }
        case 13u: { return pow_java(v, a); }
        case 14u: { return v * v; }
        case 15u: { return abs(v); }
        case 16u: { return select(a, v, v > a); }
        case 17u: { return a / v; }
        default: { return nan(); }
    }
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i < p.n) {
        y[i] = f(x[i], p.alpha);
    }
}
