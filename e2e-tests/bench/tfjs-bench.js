"use strict";
// The TensorFlow.js side of the bench runner: the same workloads as descent.labs.diagnostics.BenchView, written
// with tf ops, timed the same way (reps iterations, then wait for the device with data()). Loaded into the bench
// page next to Descent by the runner; tf.min.js and the wasm/webgpu backend bundles come from npm (never committed).
window.descentTfBench = (() => {
  const workloads = {};

  // the same deterministic fill as BenchView.fill, so the matmul checksums of both sides must agree
  const fill = (n) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
    }
    return a;
  };

  // seeded N(0, std^2) draws for initial weights (any fixed seed: only speed and sanity are compared)
  let seed = 12345;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const normals = (n, std) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = std * Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
    }
    return a;
  };
  const labels = (n, k) => {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = Math.floor(uniform() * k);
    }
    return tf.oneHot(tf.tensor1d(a, "int32"), k);
  };
  const linear = (fanIn, fanOut) => ({
    w: tf.variable(tf.tensor2d(normals(fanIn * fanOut, Math.sqrt(2 / fanIn)), [fanIn, fanOut])),
    b: tf.variable(tf.zeros([fanOut])),
  });
  const apply = (l, x) => tf.add(tf.matMul(x, l.w), l.b);

  function matmul(n) {
    const a = tf.tensor2d(fill(n * n), [n, n]);
    const b = tf.tensor2d(fill(n * n), [n, n]);
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
        let s = 0;
        for (let i = 0; i < v.length; i++) {
          s += v[i];
        }
        return s;
      },
    };
  }

  function mlp(sizes, batch) {
    const layers = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      layers.push(linear(sizes[i], sizes[i + 1]));
    }
    const x = tf.tensor2d(normals(batch * sizes[0], 1), [batch, sizes[0]]);
    const y = labels(batch, sizes[sizes.length - 1]);
    const opt = tf.train.adam(1e-3);
    let loss = null;
    return {
      step() {
        if (loss) {
          loss.dispose();
        }
        loss = opt.minimize(() => {
          let h = x;
          for (let i = 0; i < layers.length; i++) {
            h = apply(layers[i], h);
            if (i + 1 < layers.length) {
              h = tf.relu(h);
            }
          }
          return tf.losses.softmaxCrossEntropy(y, h);
        }, true);
        return loss;
      },
      async check() {
        return (await loss.data())[0];
      },
    };
  }

  // 2 pre-norm blocks, C = 64, 4 heads, T = 64, B = 16, a linear read-out to 64 classes: as TransformerStep
  function transformer() {
    const B = 16, T = 64, C = 64, H = 4, Dh = C / H, V = 64, L = 2;
    const blocks = [];
    for (let i = 0; i < L; i++) {
      blocks.push({
        g1: tf.variable(tf.ones([C])), s1: tf.variable(tf.zeros([C])),
        qkv: linear(C, 3 * C), out: linear(C, C),
        g2: tf.variable(tf.ones([C])), s2: tf.variable(tf.zeros([C])),
        up: linear(C, 4 * C), down: linear(4 * C, C),
      });
    }
    const head = linear(C, V);
    const x = tf.tensor3d(normals(B * T * C, 1), [B, T, C]);
    const y = labels(B * T, V);
    const mask = tf.linalg.bandPart(tf.ones([T, T]), -1, 0).sub(1).mul(1e9); // 0 on and below the diagonal
    const opt = tf.train.adam(1e-3);
    const norm = (h, g, s) => {
      const m = tf.moments(h, -1, true);
      return h.sub(m.mean).div(m.variance.add(1e-5).sqrt()).mul(g).add(s);
    };
    const gelu = (h) => h.mul(0.5).mul(tf.tanh(h.add(h.pow(3).mul(0.044715)).mul(0.7978845608)).add(1));
    const block = (h, p) => {
      const qkv = apply(p.qkv, norm(h, p.g1, p.s1).reshape([B * T, C])).reshape([B, T, 3, H, Dh])
        .transpose([2, 0, 3, 1, 4]);
      const [q, k, v] = tf.split(qkv, 3, 0).map((t) => t.reshape([B, H, T, Dh]));
      const att = tf.softmax(tf.matMul(q, k, false, true).mul(1 / Math.sqrt(Dh)).add(mask));
      const merged = tf.matMul(att, v).transpose([0, 2, 1, 3]).reshape([B * T, C]);
      const a = h.add(apply(p.out, merged).reshape([B, T, C]));
      const f = apply(p.down, gelu(apply(p.up, norm(a, p.g2, p.s2).reshape([B * T, C]))));
      return a.add(f.reshape([B, T, C]));
    };
    let loss = null;
    return {
      step() {
        if (loss) {
          loss.dispose();
        }
        loss = opt.minimize(() => {
          let h = x;
          for (const p of blocks) {
            h = block(h, p);
          }
          return tf.losses.softmaxCrossEntropy(y, apply(head, h.reshape([B * T, C])));
        }, true);
        return loss;
      },
      async check() {
        return (await loss.data())[0];
      },
    };
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
    return transformer();
  }

  return {
    async use(backend) {
      if (tf.getBackend() !== backend) {
        if (!(await tf.setBackend(backend))) {
          throw new Error("tfjs backend " + backend + " failed to initialise");
        }
      }
      await tf.ready();
      return tf.getBackend();
    },
    // ms per iteration over reps iterations, ending when the device is done; and the check value
    async run(cell, reps) {
      await this.use(cell.split("|")[1]);
      const key = cell;
      if (!workloads[key]) {
        workloads[key] = build(cell.split("|")[0]);
      }
      const w = workloads[key];
      const t0 = performance.now();
      let last = null;
      for (let i = 0; i < reps; i++) {
        last = w.step();
      }
      await last.data();
      const ms = (performance.now() - t0) / reps;
      return [ms, await w.check()];
    },
  };
})();
