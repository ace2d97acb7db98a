// Inverted dropout with the mask as a pure function of (seed, i): the same murmur3 finaliser as Rng.keep on the CPU,
// in u32 arithmetic (Java's int multiply wraps the same way), so both backends drop the same elements. BACKWARD = 0:
// y[i] = keep ? x[i] * scale : 0; BACKWARD = 1: gx[i] += keep ? gy[i] * scale : 0.
struct Params { n: u32, seed_lo: u32, seed_hi: u32, threshold: u32, scale: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override BACKWARD: bool = false;

fn hash32(v: u32) -> u32 {
    var h = v;
    h ^= h >> 16u;
    h *= 0x85ebca6bu;
    h ^= h >> 13u;
    h *= 0xc2b2ae35u;
    h ^= h >> 16u;
    return h;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.n) {
        return;
    }
    var h = hash32(i * 0x9e3779b9u + p.seed_lo);
    h = hash32(h ^ p.seed_hi);
    let keep = (h >> 8u) >= p.threshold;
    let v = select(0.0, x[i] * p.scale, keep);
    if (BACKWARD) {
        y[i] = y[i] + v;
    } else {
        y[i] = v;
    }
}
