// The loss landscape's ensemble path (descent.labs.landscape.GpuEnsembleEvaluator): the training loss of M copies of
// an MLP at once, member m with parameters theta_m = center + a_m d1 + b_m d2, in three dispatches of one command
// buffer and a single read-back of M numbers.
//   perturb: theta (M, P) from the plane, one thread per parameter of each member;
//   forward: one thread per (member, example) runs the whole network for its example in registers and writes the
//            example's cross-entropy: no workgroup memory, no barriers, so it suits a software adapter as well;
//   average: one thread per member sums its N losses.
// Parameters are laid out as descent.nn.Mlp orders them: per layer the weight (in, out) row-major, then the bias (out).
// The three entry points share group 0 with different bindings (each entry point's own resource interface).
struct Params {
    members: u32,  // M
    n: u32,        // N examples
    p: u32,        // P parameters per member
    d: u32,        // D inputs
    width: u32,    // H hidden units per layer, at most MAXW
    depth: u32,    // hidden layers
    classes: u32,  // K, at most MAXW
    pad: u32,
}

override ACT: u32 = 0u;      // 0: ReLU, 1: tanh
const MAXW: u32 = 128u;

@group(0) @binding(0) var<uniform> u: Params;
@group(0) @binding(1) var<storage, read> center: array<f32>;   // (P)
@group(0) @binding(2) var<storage, read> d1: array<f32>;       // (P)
@group(0) @binding(3) var<storage, read> d2: array<f32>;       // (P)
@group(0) @binding(4) var<storage, read> ab: array<f32>;       // (M, 2): each member's (a, b)
@group(0) @binding(5) var<storage, read_write> theta: array<f32>; // (M, P)

@group(0) @binding(0) var<uniform> v: Params;
@group(0) @binding(1) var<storage, read> thetaIn: array<f32>;  // (M, P)
@group(0) @binding(2) var<storage, read> x: array<f32>;        // (N, D)
@group(0) @binding(3) var<storage, read> labels: array<f32>;   // (N), class indices as floats
@group(0) @binding(4) var<storage, read_write> losses: array<f32>; // (M, N)

@group(0) @binding(0) var<uniform> w: Params;
@group(0) @binding(1) var<storage, read> perExample: array<f32>; // (M, N)
@group(0) @binding(2) var<storage, read_write> mean: array<f32>;  // (M)

fn index(wid: vec3u, nw: vec3u, li: u32) -> u32 {
    return (wid.y * nw.x + wid.x) * 64u + li;
}

@compute @workgroup_size(64)
fn perturb(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
           @builtin(local_invocation_index) li: u32) {
    let i = index(wid, nw, li);
    if (i >= u.members * u.p) {
        return;
    }
    let m = i / u.p;
    let k = i % u.p;
    // the same order of operations as the CPU path (Vec.point): (c + a d1) + b d2
    theta[i] = center[k] + ab[2u * m] * d1[k] + ab[2u * m + 1u] * d2[k];
}

fn act(s: f32) -> f32 {
    if (ACT == 1u) {
        return tanh(clamp(s, -15.0, 15.0));
    }
    return max(s, 0.0);
}

@compute @workgroup_size(64)
fn forward(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
           @builtin(local_invocation_index) li: u32) {
    let t = index(wid, nw, li);
    if (t >= v.members * v.n) {
        return;
    }
    let m = t / v.n;
    let e = t % v.n;
    var h: array<f32, MAXW>;     // activations entering the layer
    var next: array<f32, MAXW>;  // activations leaving it
    for (var i = 0u; i < v.d; i++) {
        h[i] = x[e * v.d + i];
    }
    var off = m * v.p;
    var fanIn = v.d;
    for (var l = 0u; l <= v.depth; l++) {
        let last = l == v.depth;
        let fanOut = select(v.width, v.classes, last);
        for (var j = 0u; j < fanOut; j++) {
            var s = thetaIn[off + fanIn * fanOut + j];          // bias
            for (var i = 0u; i < fanIn; i++) {
                s += h[i] * thetaIn[off + i * fanOut + j];      // weight (in, out)
            }
            next[j] = select(act(s), s, last);
        }
        for (var j = 0u; j < fanOut; j++) {
            h[j] = next[j];
        }
        off += fanIn * fanOut + fanOut;
        fanIn = fanOut;
    }
    // cross-entropy of the logits h[0..K) against the label: log-sum-exp minus the label's logit
    var top = h[0];
    for (var k = 1u; k < v.classes; k++) {
        top = max(top, h[k]);
    }
    var sum = 0.0;
    for (var k = 0u; k < v.classes; k++) {
        sum += exp(h[k] - top);
    }
    let y = min(u32(labels[e]), v.classes - 1u);
    losses[t] = top + log(sum) - h[y];
}

@compute @workgroup_size(64)
fn average(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
           @builtin(local_invocation_index) li: u32) {
    let m = index(wid, nw, li);
    if (m >= w.members) {
        return;
    }
    var s = 0.0;
    for (var e = 0u; e < w.n; e++) {
        s += perExample[m * w.n + e];
    }
    mean[m] = s / f32(w.n);
}
