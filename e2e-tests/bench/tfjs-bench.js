"use strict";
// The TensorFlow.js side of the bench runner: the workloads of descent.labs.diagnostics.BenchView written with tf ops,
// on the same inputs (the generators below match BenchData bit for bit), timed the same way (reps iterations, then
// wait for the device with data()). The runner loads it into the bench page after tf's own bundles, which come from
// npm and are never committed.
window.descentTfBench = (() => {
  const workloads = {};

  // ---- the inputs both sides get (see descent.labs.diagnostics.BenchData) ----------------------------------------

  const pattern = (n) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
    }
    return a;
  };

  // murmur3's finaliser over a Weyl step, in wrapping 32-bit arithmetic like Java's int
  const mix = (i, salt) => {
    let h = (Math.imul(i, 0x9e3779b1) + Math.imul(salt, 0x85ebca6b)) | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return h;
  };

  const uniform = (n, salt, std) => {
    const scale = std * Math.sqrt(12);
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = ((mix(i, salt) >>> 8) / 16777216 - 0.5) * scale;
    }
    return a;
  };

  const oneHot = (n, salt, classes) => {
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = (mix(i, salt) >>> 8) % classes;
    }
    return tf.tidy(() => tf.oneHot(tf.tensor1d(y, "int32"), classes).toFloat());
  };

  // ---- models ----------------------------------------------------------------------------------------------

  // y = x W + b with W (in, out), as descent.nn.Linear; weight matrices take salts 0, 1, 2, ... in creation order
  const layers = (relu) => {
    let salt = 0;
    const made = [];
    return {
      linear(fanIn, fanOut) {
        const std = Math.sqrt((relu ? 2 : 1) / fanIn);
        const l = {
          w: tf.variable(tf.tensor2d(uniform(fanIn * fanOut, salt++, std), [fanIn, fanOut])),
          b: tf.variable(tf.zeros([fanOut])),
        };
        made.push(l.w, l.b);
        return l;
      },
      vector(n, value) {
        const v = tf.variable(tf.fill([n], value));
        made.push(v);
        return v;
      },
      made,
    };
  };
  const apply = (l, x) => tf.add(tf.matMul(x, l.w), l.b);
  // Adam with the engine's constants (TensorFlow.js defaults eps to 1e-7)
  const adam = () => tf.train.adam(1e-3, 0.9, 0.999, 1e-8);

  function matmul(n) {
    const a = tf.tensor2d(pattern(n * n), [n, n]);
    const b = tf.tensor2d(pattern(n * n), [n, n]);
    let c = null;
    return {
      step() {
        if (c) {
          c.dispose();
        }
        c = tf.matMul(a, b);
        return c;
      },
      async check() {
        const v = await c.data();
        let sum = 0;
        let weighted = 0;
        let abs = 0;
        for (let i = 0; i < v.length; i++) {
          sum += v[i];
          weighted += v[i] * ((i % 13) - 6);
          abs += Math.abs(v[i]);
        }
        return [sum, weighted, abs];
      },
      dispose() {
        tf.dispose([a, b, c]);
      },
    };
  }

  // a training step: loss = lossOf(); Adam over every variable; the loss of the latest step is kept for data()
  function trainer(lossOf, made, inputs) {
    const opt = adam();
    let loss = null;
    return {
      step() {
        if (loss) {
          loss.dispose();
        }
        loss = opt.minimize(lossOf, true);
        return loss;
      },
      async check() {
        return [(await loss.data())[0]];
      },
      dispose() {
        tf.dispose([...made, ...inputs, loss]);
        opt.dispose();
      },
    };
  }

  function mlp(sizes, batch) {
    const L = layers(true);
    const ls = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      ls.push(L.linear(sizes[i], sizes[i + 1]));
    }
    const x = tf.tensor2d(uniform(batch * sizes[0], 101, 1), [batch, sizes[0]]);
    const y = oneHot(batch, 102, sizes[sizes.length - 1]);
    return trainer(() => {
      let h = x;
      for (let i = 0; i < ls.length; i++) {
        h = apply(ls[i], h);
        if (i + 1 < ls.length) {
          h = tf.relu(h);
        }
      }
      return tf.losses.softmaxCrossEntropy(y, h);
    }, L.made, [x, y]);
  }

  // 2 pre-norm blocks (x + attn(norm(x)), then + mlp(norm(x)) with a 4x tanh-GELU MLP), C = 64, 4 heads, T = 64,
  // B = 16, a linear read-out to 64 classes per position: descent.nn.TransformerBlock via descent.gpu.TransformerStep
  function transformer() {
    const B = 16, T = 64, C = 64, H = 4, Dh = C / H, V = 64, blocks = 2;
    const L = layers(false);
    const ps = [];
    for (let i = 0; i < blocks; i++) {
      const g1 = L.vector(C, 1), s1 = L.vector(C, 0);
      const qkv = L.linear(C, 3 * C), out = L.linear(C, C);
      const g2 = L.vector(C, 1), s2 = L.vector(C, 0);
      const up = L.linear(C, 4 * C), down = L.linear(4 * C, C);
      ps.push({g1, s1, qkv, out, g2, s2, up, down});
    }
    const head = L.linear(C, V);
    const x = tf.tensor3d(uniform(B * T * C, 201, 1), [B, T, C]);
    const y = oneHot(B * T, 202, V);
    // 0 on and below the diagonal, -1e9 above: softmax then gives exact zeros after column t, as causalSoftmax
    const mask = tf.tidy(() => tf.linalg.bandPart(tf.ones([T, T]), -1, 0).sub(1).mul(1e9));
    const norm = (h, g, s) => {
      const m = tf.moments(h, -1, true);
      return h.sub(m.mean).div(m.variance.add(1e-5).sqrt()).mul(g).add(s);
    };
    const gelu = (h) => h.mul(0.5).mul(tf.tanh(h.add(h.pow(3).mul(0.044715)).mul(0.7978845608)).add(1));
    const block = (h, p) => {
      const all = apply(p.qkv, norm(h, p.g1, p.s1).reshape([B * T, C])).reshape([B, T, 3, H, Dh])
        .transpose([2, 0, 3, 1, 4]);
      const [q, k, v] = tf.split(all, 3, 0).map((t) => t.reshape([B, H, T, Dh]));
      const att = tf.softmax(tf.matMul(q, k, false, true).mul(1 / Math.sqrt(Dh)).add(mask));
      const merged = tf.matMul(att, v).transpose([0, 2, 1, 3]).reshape([B * T, C]);
      const a = h.add(apply(p.out, merged).reshape([B, T, C]));
      const f = apply(p.down, gelu(apply(p.up, norm(a, p.g2, p.s2).reshape([B * T, C]))));
      return a.add(f.reshape([B, T, C]));
    };
    return trainer(() => {
      let h = x;
      for (const p of ps) {
        h = block(h, p);
      }
      return tf.losses.softmaxCrossEntropy(y, apply(head, h.reshape([B * T, C])));
    }, L.made, [x, y, mask]);
  }

  function build(cell) {
    if (cell.startsWith("matmul")) {
      return matmul(Number(cell.substring(6)));
    }
    if (cell === "mlp") {
      return mlp([784, 128, 10], 64);
    }
    if (cell === "tiny") {
      return mlp([2, 8, 8, 2], 16);
    }
    if (cell === "transformer") {
      return transformer();
    }
    throw new Error("unknown cell " + cell);
  }

  async function use(backend) {
    if (tf.getBackend() !== backend) {
      if (!(await tf.setBackend(backend))) {
        throw new Error("tfjs backend " + backend + " failed to initialise");
      }
    }
    await tf.ready();
  }

  return {
    // builds the cell afresh on the backend and answers the values BenchView's check answers
    async check(cell, backend, steps) {
      await use(backend);
      const key = cell + "|" + backend;
      if (workloads[key]) {
        workloads[key].dispose();
      }
      const w = (workloads[key] = build(cell));
      const out = [];
      for (let i = 0; i < steps; i++) {
        w.step();
        out.push(...(await w.check()));
      }
      return out;
    },
    // ms per iteration over reps iterations, ending when the device is done
    async run(cell, backend, reps) {
      await use(backend);
      const w = workloads[cell + "|" + backend];
      const t0 = performance.now();
      let last = null;
      for (let i = 0; i < reps; i++) {
        last = w.step();
      }
      await last.data();
      return (performance.now() - t0) / reps;
    },
    // live tensors, to show a workload does not leak across timed runs
    tensors() {
      return tf.memory().numTensors;
    },
  };
})();
