// gw(Cout, Cin, kh, kw) += sum over images and output pixels of gy * x under the window: one thread per weight.
struct Params {
    n: u32, cin: u32, h: u32, w: u32,
    cout: u32, kh: u32, kw: u32, stride: u32,
    pad: u32, ho: u32, wo: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gy: array<f32>;
@group(0) @binding(3) var<storage, read_write> gw: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.cout * p.cin * p.kh * p.kw) {
        return;
    }
    let kx = t % p.kw;
    let ky = (t / p.kw) % p.kh;
    let ci = (t / (p.kw * p.kh)) % p.cin;
    let co = t / (p.kw * p.kh * p.cin);
    var s = 0.0;
    var comp = 0.0;
    for (var img = 0u; img < p.n; img++) {
        for (var oy = 0u; oy < p.ho; oy++) {
            let iy = i32(oy * p.stride + ky) - i32(p.pad);
            if (iy < 0 || iy >= i32(p.h)) {
                continue;
            }
            for (var ox = 0u; ox < p.wo; ox++) {
                let ix = i32(ox * p.stride + kx) - i32(p.pad);
                if (ix >= 0 && ix < i32(p.w)) {
                    let term = gy[((img * p.cout + co) * p.ho + oy) * p.wo + ox]
                             * x[((img * p.cin + ci) * p.h + u32(iy)) * p.w + u32(ix)] - comp;
                    let next = s + term;
                    comp = (next - s) - term;
                    s = next;
                }
            }
        }
    }
    gw[t] = gw[t] + s;
}
