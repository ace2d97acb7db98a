// out[idx[i], :] += src[i, :] for i < rows; out is (out_rows, cols). One thread per output element scans the index
// list: no float atomics (WGSL has none), and the sum is taken in the same order on every run.
struct Params { rows: u32, cols: u32, out_rows: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.out_rows * p.cols) {
        return;
    }
    let row = f32(t / p.cols);
    let c = t % p.cols;
    var s = 0.0;
    for (var i = 0u; i < p.rows; i++) {
        if (idx[i] == row) {
            s += src[i * p.cols + c];
        }
    }
    out[t] = out[t] + s;
}
