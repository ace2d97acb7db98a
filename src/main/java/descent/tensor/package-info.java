/**
 * Tensors, the autograd tape, the {@link descent.tensor.Backend} interface and its CPU implementation, and the seeded
 * {@link descent.tensor.Rng}. Pure Java: runs on the JVM in tests and in the browser compiled to wasm.
 *
 * <p>A lab trains an MLP like this:
 * <pre>{@code
 * Backend be = new CpuBackend();
 * Dataset data = Points2D.classification(Points2D.Kind.SPIRAL, 600, 3, 0.05, seed);
 * Mlp mlp = new Mlp(be, new Rng(seed), new Mlp.Config().sizes(2, 32, 32, 3).activation(Activation.RELU));
 * Optimizer opt = new Adam(mlp.parameters(), 0.01f);
 * Batcher batches = new Batcher(data, 32, seed);
 * try (Scope step = Scope.open()) {            // every intermediate goes back to the pool at the end
 *     Tensor[] b = batches.next(be);            // (B, 2) inputs, (B) labels
 *     Tensor loss = Losses.crossEntropy(mlp.forward(b[0]), b[1]);
 *     opt.zeroGrad();
 *     loss.backward();
 *     opt.step();
 *     if (wantStats) shownLoss = loss.item();   // the only host read: explicit, and rare on a GPU
 * }
 * }</pre>
 */
package descent.tensor;
