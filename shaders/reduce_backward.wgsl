// gx += d reduce / dx. SUM and MEAN: one thread per element of x(outer, n, inner) adds gy (/ n). MAX: one thread per
// output scans its row and sends gy to the first element equal to the max, like argmax and the CPU reference.
struct Params { outer: u32, n: u32, inner: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> gy: array<f32>;
@group(0) @binding(4) var<storage, read_write> gx: array<f32>;

override OP: u32 = 0u;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (OP == 2u) {
        if (t >= p.outer * p.inner) {
            return;
        }
        let outer = t / p.inner;
        let inner = t % p.inner;
        let m = y[t];
        for (var j = 0u; j < p.n; j++) {
            let at = (outer * p.n + j) * p.inner + inner;
            if (x[at] == m) {
                gx[at] = gx[at] + gy[t];
                return;
            }
        }
        return;
    }
    if (t >= p.outer * p.n * p.inner) {
        return;
    }
    let outer = t / (p.n * p.inner);
    let inner = t % p.inner;
    var g = gy[outer * p.inner + inner];
    if (OP == 1u) {
        g = g * (1.0 / f32(p.n));
    }
    gx[t] = gx[t] + g;
}
