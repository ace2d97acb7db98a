// y(N, Cout, Ho, Wo) = conv of x(N, Cin, H, W) with w(Cout, Cin, kh, kw), stride and zero padding. Direct form, one
// thread per output: the course's conv-nets are small (16x16 and 28x28 images, tens of channels), where this beats
// an im2col buffer; for large images an im2col + matmul.wgsl path would be the real-GPU design.
struct Params {
    n: u32, cin: u32, h: u32, w: u32,
    cout: u32, kh: u32, kw: u32, stride: u32,
    pad: u32, ho: u32, wo: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> wt: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.n * p.cout * p.ho * p.wo) {
        return;
    }
    let ox = t % p.wo;
    let oy = (t / p.wo) % p.ho;
    let co = (t / (p.wo * p.ho)) % p.cout;
    let img = t / (p.wo * p.ho * p.cout);
    var s = 0.0;
    for (var ci = 0u; ci < p.cin; ci++) {
        let xb = (img * p.cin + ci) * p.h;
        let wb = (co * p.cin + ci) * p.kh;
        for (var ky = 0u; ky < p.kh; ky++) {
            let iy = i32(oy * p.stride + ky) - i32(p.pad);
            if (iy < 0 || iy >= i32(p.h)) {
                continue;
            }
            for (var kx = 0u; kx < p.kw; kx++) {
                let ix = i32(ox * p.stride + kx) - i32(p.pad);
                if (ix >= 0 && ix < i32(p.w)) {
                    s += x[(xb + u32(iy)) * p.w + u32(ix)] * wt[(wb + ky) * p.kw + kx];
                }
            }
        }
    }
    y[t] = s;
}
