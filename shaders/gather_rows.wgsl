// out[i, :] (+)= src[idx[i], :] for i < rows; src is (src_rows, cols). An index outside [0, src_rows) gives NaN
// (a kernel cannot throw; NaN makes the lab report the fault instead of reading some other row).
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { rows: u32, cols: u32, src_rows: u32, accumulate: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.rows * p.cols) {
        return;
    }
    let r = i / p.cols;
    let c = i % p.cols;
    let f = idx[r];
    var v = bitcast<f32>(0x7fc00000u | (p.rows & 0u));
    if (f >= 0.0 && f < f32(p.src_rows) && f == floor(f)) {
        v = src[u32(f) * p.cols + c];
    }
    if (p.accumulate != 0u) {
        out[i] = out[i] + v;
    } else {
        out[i] = v;
    }
}
