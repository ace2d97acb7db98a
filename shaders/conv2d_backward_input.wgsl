// gx(N, Cin, H, W) += the gradient through conv2d: one thread per input pixel gathers from every output whose window
// covers it (no atomics, fixed summation order).
struct Params {
    n: u32, cin: u32, h: u32, w: u32,
    cout: u32, kh: u32, kw: u32, stride: u32,
    pad: u32, ho: u32, wo: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> gy: array<f32>;
@group(0) @binding(2) var<storage, read> wt: array<f32>;
@group(0) @binding(3) var<storage, read_write> gx: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.n * p.cin * p.h * p.w) {
        return;
    }
    let ix = t % p.w;
    let iy = (t / p.w) % p.h;
    let ci = (t / (p.w * p.h)) % p.cin;
    let img = t / (p.w * p.h * p.cin);
    var s = 0.0;
    for (var ky = 0u; ky < p.kh; ky++) {
        let ny = i32(iy + p.pad) - i32(ky);
        if (ny < 0 || ny % i32(p.stride) != 0) {
            continue;
        }
        let oy = u32(ny) / p.stride;
        if (oy >= p.ho) {
            continue;
        }
        for (var kx = 0u; kx < p.kw; kx++) {
            let nx = i32(ix + p.pad) - i32(kx);
            if (nx < 0 || nx % i32(p.stride) != 0) {
                continue;
            }
            let ox = u32(nx) / p.stride;
            if (ox >= p.wo) {
                continue;
            }
            for (var co = 0u; co < p.cout; co++) {
                s += gy[((img * p.cout + co) * p.ho + oy) * p.wo + ox] * wt[((co * p.cin + ci) * p.kh + ky) * p.kw + kx];
            }
        }
    }
    gx[t] = gx[t] + s;
}
