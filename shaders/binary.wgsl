// out = a op b with broadcasting: out has `shape` (rank <= 8); sa and sb are the operands' strides aligned to it,
// 0 along broadcast axes. OP is the ordinal of descent.tensor.Binary (ADD, SUB, MUL, DIV, MAX).
// When both operands are broadcast along leading axes only (same shapes, a bias row, a scalar: nearly every use),
// the host passes their periods, the sizes after which their values repeat in out, and an element's operand index is
// i mod period: the general walk over the axes costs an integer division per axis per element, which CPU adapters
// (and many GPUs) do not vectorise.
struct Params {
    n: u32,
    rank: u32,
    period_a: u32, // 0: use the strides
    period_b: u32,
    shape: array<vec4u, 2>,
    sa: array<vec4u, 2>,
    sb: array<vec4u, 2>,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

override OP: u32 = 0u;

fn apply(x: f32, y: f32) -> f32 {
    switch OP {
        case 0u: { return x + y; }
        case 1u: { return x - y; }
        case 2u: { return x * y; }
        case 3u: { return x / y; }
        default: { return max(x, y); }
    }
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.n) {
        return;
    }
    var ia = i;
    var ib = i;
    if (p.period_a != 0u && p.period_b != 0u) {
        if (p.period_a != p.n) {
            ia = i % p.period_a;
        }
        if (p.period_b != p.n) {
            ib = i % p.period_b;
        }
        out[i] = apply(a[ia], b[ib]);
        return;
    }
    // walk the axes from the last: out is dense, so i's coordinates come from divisions
    var rem = i;
    ia = 0u;
    ib = 0u;
    for (var d = i32(p.rank) - 1; d >= 0; d--) {
        let du = u32(d);
        let size = p.shape[du / 4u][du % 4u];
        let c = rem % size;
        rem = rem / size;
        ia += c * p.sa[du / 4u][du % 4u];
        ib += c * p.sb[du / 4u][du % 4u];
    }
    out[i] = apply(a[ia], b[ib]);
}
