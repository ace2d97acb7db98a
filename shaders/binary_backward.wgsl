// The gradient of one operand of a broadcast binary op: g_self += dL/d self. One thread per element of the operand;
// it sums over the axes along which the operand was broadcast (its stride is 0 there), so bias gradients need no
// atomics and come out the same on every run. WHICH is 0 for a, 1 for b; OP as in binary.wgsl.
// When both operands are broadcast along leading axes only, the host passes their periods (see binary.wgsl): this
// operand's element t then feeds outputs t, t + period, t + 2 period, ..., with no walk over the axes.
struct Params {
    count: u32,
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
@group(0) @binding(3) var<storage, read> gy: array<f32>;
@group(0) @binding(4) var<storage, read_write> g: array<f32>;

override OP: u32 = 0u;
override WHICH: u32 = 0u;

fn dim(d: u32) -> u32 {
    return p.shape[d / 4u][d % 4u];
}

fn self_stride(d: u32) -> u32 {
    if (WHICH == 0u) {
        return p.sa[d / 4u][d % 4u];
    }
    return p.sb[d / 4u][d % 4u];
}

fn partial(x: f32, y: f32, up: f32) -> f32 {
    switch OP {
        case 0u: { return up; }
        case 1u: { return select(-up, up, WHICH == 0u); }
        case 2u: { return select(up * x, up * y, WHICH == 0u); }
        case 3u: { return select(-up * x / (y * y), up / y, WHICH == 0u); }
        default: {
            // the larger operand gets the gradient, a on ties (as the CPU reference)
            if (WHICH == 0u) {
                return select(0.0, up, x >= y);
            }
            return select(0.0, up, x < y);
        }
    }
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.count) {
        return;
    }
    if (p.period_a != 0u && p.period_b != 0u) {
        var n = 1u;
        for (var d = 0u; d < p.rank; d++) {
            n *= dim(d);
        }
        let step = select(p.period_b, p.period_a, WHICH == 0u); // this operand's period: its size
        let period_other = select(p.period_a, p.period_b, WHICH == 0u);
        var sum = 0.0;
        var comp = 0.0;
        for (var io = t; io < n; io += step) {
            var other = io;
            if (period_other != n) {
                other = io % period_other;
            }
            let term = partial(a[select(other, t, WHICH == 0u)], b[select(t, other, WHICH == 0u)], gy[io]) - comp;
            let next = sum + term;
            comp = (next - sum) - term;
            sum = next;
        }
        g[t] = g[t] + sum;
        return;
    }
    // coordinates of this operand element along the axes where it is not broadcast, and how many outputs it feeds
    var rem = t;
    var base_out = 0u;
    var base_a = 0u;
    var base_b = 0u;
    var self_index = 0u;
    var fan = 1u;
    var out_stride = 1u;
    for (var d = i32(p.rank) - 1; d >= 0; d--) {
        let du = u32(d);
        let size = dim(du);
        if (self_stride(du) != 0u) {
            let c = rem % size;
            rem = rem / size;
            base_out += c * out_stride;
            base_a += c * p.sa[du / 4u][du % 4u];
            base_b += c * p.sb[du / 4u][du % 4u];
            self_index += c * self_stride(du);
        } else {
            fan *= size;
        }
        out_stride *= size;
    }
    // Kahan-compensated sum over the broadcast positions, walked like an odometer over the broadcast axes (innermost
    // fastest) so each step costs an add per index instead of a division per axis
    var count: array<u32, 8>;
    var os_of: array<u32, 8>;
    var os = 1u;
    for (var d = i32(p.rank) - 1; d >= 0; d--) {
        os_of[d] = os;
        os *= dim(u32(d));
    }
    var io = base_out;
    var ia = base_a;
    var ib = base_b;
    var sum = 0.0;
    var comp = 0.0;
    for (var j = 0u; j < fan; j++) {
        let term = partial(a[ia], b[ib], gy[io]) - comp;
        let next = sum + term;
        comp = (next - sum) - term;
        sum = next;
        for (var d = i32(p.rank) - 1; d >= 0; d--) {
            let du = u32(d);
            if (self_stride(du) != 0u) {
                continue;
            }
            let sa = p.sa[du / 4u][du % 4u];
            let sb = p.sb[du / 4u][du % 4u];
            count[du] += 1u;
            io += os_of[du];
            ia += sa;
            ib += sb;
            if (count[du] < dim(du)) {
                break;
            }
            count[du] = 0u;
            io -= dim(du) * os_of[du];
            ia -= dim(du) * sa;
            ib -= dim(du) * sb;
        }
    }
    g[self_index] = g[self_index] + sum;
}
