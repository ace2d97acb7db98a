// Nearest-neighbour upsampling by an integer factor: big(planes, H f, W f) = small(planes, H, W) repeated.
struct Params { planes: u32, h: u32, w: u32, factor: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> small: array<f32>;
@group(0) @binding(2) var<storage, read_write> big: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    let bw = p.w * p.factor;
    let bh = p.h * p.factor;
    if (t >= p.planes * bh * bw) {
        return;
    }
    let x = t % bw;
    let y = (t / bw) % bh;
    let plane = t / (bw * bh);
    big[t] = small[(plane * p.h + y / p.factor) * p.w + x / p.factor];
}
