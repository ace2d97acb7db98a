// y = x rstd: gx += rstd gy - x rstd^3 mean(gy x), one workgroup per row.
struct Params { rows: u32, d: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> rstd: array<f32>;
@group(0) @binding(3) var<storage, read> gy: array<f32>;
@group(0) @binding(4) var<storage, read_write> gx: array<f32>;

const WG: u32 = 64u;
var<workgroup> part: array<f32, WG>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let r = wid.y * nw.x + wid.x;
    if (r >= p.rows) {
        return;
    }
    let off = r * p.d;
    let rs = rstd[r];
    var s = 0.0;
    for (var j = li; j < p.d; j += WG) {
        s += gy[off + j] * x[off + j];
    }
    part[li] = s;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    let m = part[0] / f32(p.d) * rs * rs * rs;
    for (var j = li; j < p.d; j += WG) {
        gx[off + j] = gx[off + j] + rs * gy[off + j] - x[off + j] * m;
    }
}
