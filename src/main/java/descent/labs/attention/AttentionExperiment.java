package descent.labs.attention;

import descent.data.SequenceTask;
import descent.labs.Params;
import descent.optim.Clip;
import descent.optim.Optimizer;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The attention lab without the browser: a task, a transformer, an optimizer, and training in bounded pieces.
 *
 * <p>One call of {@link #step} is one <em>micro-batch</em>: a forward and backward pass over a few sequences whose
 * gradients add up; after {@code batch / micro} of them the optimizer updates. On the CPU the micro-batch size is
 * fixed by the model's size (about {@link #MICRO_BUDGET} multiply-adds), never by the machine's speed, so a seed
 * reproduces the same run on any computer while a frame never waits on a whole batch; a GPU takes the whole batch at
 * once. Evaluation on the test set runs in the same pieces every {@link #EVAL_EVERY} updates.
 */
public final class AttentionExperiment {
    /** Multiply-adds per micro-step: a few milliseconds of plain Java, so the page keeps drawing while training. */
    public static final long MICRO_BUDGET = 6_000_000;
    public static final int EVAL_EVERY = 25;
    /** Test examples per evaluation: 128 lists of 8 answers resolve accuracy to 0.1%. */
    public static final int EVAL_EXAMPLES = 128;
    /** Global gradient-norm clip: keeps an unlucky large learning rate from blowing up the first updates. */
    public static final float CLIP = 1f;

    public final TokenTask task;
    public final Transformer model;
    public final Optimizer optimizer;
    public final int batch, micro;
    /** Training history per update: loss (nats per scored token), token accuracy, learning rate. */
    public final Curves train = new Curves("train loss", "train accuracy", "learning rate");
    /** Test history every {@link #EVAL_EVERY} updates: loss and token accuracy on held-out examples. */
    public final Curves test = new Curves("test loss", "test accuracy");
    /** What was adjusted to make the settings fit (shown to the student as notices). */
    public final List<String> notes = new ArrayList<>();

    private final Backend backend;
    private final float baseLr;
    private final Rng order;
    private int[] epoch;
    private int epochPos;
    private final int[] batchIdx;
    private int microIndex, scoredInBatch;
    /** [sum of loss * scored, correct] over the micro-batches of the current update, or of the current evaluation. */
    private final Tensor trainStats, evalStats;
    private long updates, microSteps, tokensTrained;
    private boolean evalPending = true;
    private int evalPos, evalScored;
    private String divergence;

    /** {@code pasted}: a text {@link PastedText#check} accepted, trained on when the corpus knob says so; or null. */
    public AttentionExperiment(Params p, String pasted, Backend backend) {
        this(p, pasted, backend, 0);
    }

    /** With {@code microOverride > 0} the micro-batch is that size (tests compare accumulation with whole batches). */
    AttentionExperiment(Params p, String pasted, Backend backend, int microOverride) {
        this.backend = backend;
        long seed = p.integer("seed");
        int context = p.integer("context");
        task = makeTask(p, pasted, context, seed, notes);
        int heads = Integer.parseInt(p.choice("heads")), width = Integer.parseInt(p.choice("width"));
        model = new Transformer(backend, seed, task.vocab, Math.max(context, task.t), p.integer("layers"), heads, width,
                Transformer.Positions.valueOf(p.choice("positions").toUpperCase()));
        baseLr = (float) p.num("lr");
        optimizer = Optimizers.make(p.choice("optimizer"), model.parameters(), baseLr);
        update(p);
        int b = p.integer("batch");
        if (b > task.train().count) {
            b = task.train().count;
            notes.add("The batch was cut to " + b + ", the number of training examples.");
        }
        batch = b;
        // a GPU pays per dispatch, not per element: it takes the whole batch in one pass (the sums then differ from
        // the CPU's only by rounding order, as any two backends do)
        micro = microOverride > 0 ? microOverride
                : backend.name().equals("cpu") ? microBatch(batch, costPerSequence()) : batch;
        batchIdx = new int[batch];
        order = new Rng(Rng.mix64(seed + 0x9E37));
        epoch = order.permutation(task.train().count);
        trainStats = Tensor.zeros(backend, 2).persistent();
        evalStats = Tensor.zeros(backend, 2).persistent();
    }

    /** Applies the live knobs: learning rate, weight decay and schedule. */
    public void update(Params p) {
        optimizer.learningRate((float) p.num("lr"));
        Optimizers.weightDecay(optimizer, (float) p.num("wd"));
        optimizer.schedule(Optimizers.schedule(p.choice("schedule")));
    }

    static TokenTask makeTask(Params p, String pasted, int context, long seed, List<String> notes) {
        String name = p.choice("task");
        int length = p.integer("length"), symbols = p.integer("symbols");
        switch (name) {
            case "modadd":
                return new ModularTask(p.integer("modulus"), p.num("train_frac"), seed);
            case "recall": {
                int pairs = Math.min(length, Math.min(RecallTask.KEYS, (context - 1) / 2));
                if (pairs != length) notes.add("Recall uses " + pairs + " pairs so that the sequence fits.");
                return new RecallTask(pairs, seed);
            }
            case "induction": {
                int segment = Math.min(length, (context + 1) / 2);
                int n = Math.min(TokenTask.LETTERS, Math.max(symbols, segment + 1));
                segment = Math.min(segment, n - 1);
                if (segment != length) notes.add("The repeated segment is at most " + segment + " tokens here.");
                if (n != symbols) notes.add("Induction uses " + n + " symbols: more than the segment length.");
                return new InductionTask(Math.max(2, segment), n, seed);
            }
            case "text": {
                if (p.choice("corpus").equals("pasted") && pasted != null) return new TextTask(pasted, "pasted", context);
                if (p.choice("corpus").equals("pasted")) {
                    notes.add("No pasted text in this page yet (texts are not stored in links): training on the "
                            + "built-in sentences. Paste one under Tools.");
                }
                return TextTask.builtIn(context);
            }
            default: {
                SequenceTask.Kind kind = SequenceTask.Kind.valueOf(name.toUpperCase());
                int l = Math.min(length, context / 2);
                if (l != length) notes.add("Lists are " + l + " long so that list and answer fit the context.");
                return new ListTask(kind, l, symbols, seed);
            }
        }
    }

    /** Multiply-adds of a forward pass over one sequence: projections and MLP, attention scores, unembedding. */
    long costPerSequence() {
        long t = task.t, c = model.width;
        return t * model.layers() * (12 * c * c + 2 * t * c) + t * c * task.vocab;
    }

    /** The largest divisor of the batch whose forward and backward (about 3 forwards) fit the budget. */
    static int microBatch(int batch, long costPerSequence) {
        long fit = Math.max(1, MICRO_BUDGET / (3 * costPerSequence));
        int best = 1;
        for (int m = 1; m <= batch && m <= fit; m++) if (batch % m == 0) best = m;
        return best;
    }

    // ---- training ---------------------------------------------------------------------------------------------

    /** One bounded piece of work: a training micro-batch, or a chunk of the periodic evaluation. */
    public void step() {
        if (divergence != null) return;
        if (evalPending) evalChunk();
        else trainMicro();
    }

    private void trainMicro() {
        TokenTask.Examples data = task.train();
        if (microIndex == 0) {
            for (int i = 0; i < batch; i++) {
                if (epochPos == epoch.length) {
                    order.shuffle(epoch);
                    epochPos = 0;
                }
                batchIdx[i] = epoch[epochPos++];
            }
            scoredInBatch = 0;
            for (int i : batchIdx) scoredInBatch += data.t - data.scoreFrom(i);
            optimizer.zeroGrad();
        }
        try (Scope s = Scope.open()) {
            Batch b = Batch.of(backend, data, batchIdx, microIndex * micro, micro);
            Tensor logits = model.forward(b.inputs).gatherRows(b.rows); // (S, V)
            Tensor loss = Losses.crossEntropy(logits, b.targets);
            // the mean over the whole batch's scored tokens, accumulated micro-batch by micro-batch
            loss.mul((float) b.scored / scoredInBatch).backward();
            try (Autograd.NoGrad g = Autograd.noGrad()) {
                accumulate(trainStats, b.stats(logits, loss));
            }
        }
        microIndex++;
        microSteps++;
        tokensTrained += (long) micro * task.t;
        if (microIndex * micro == batch) finishUpdate();
    }

    private void accumulate(Tensor total, Tensor add) {
        backend.copy(add.buffer(), total.buffer(), 2, true);
    }

    private void finishUpdate() {
        microIndex = 0;
        float[] stats = trainStats.toHost(); // the one read of an update
        backend.fill(trainStats.buffer(), 0f);
        float loss = stats[0] / scoredInBatch;
        if (!Float.isFinite(loss)) {
            divergence = "The loss became " + (Float.isNaN(loss) ? "NaN" : "infinite") + " at update " + (updates + 1)
                    + ": the learning rate is too large for this model. Try a smaller one, then reset.";
            return;
        }
        float lr = optimizer.learningRate() * optimizer.schedule().factor((int) updates);
        try (Scope s = Scope.open()) {
            Clip.globalNorm(model.parameters(), CLIP);
            optimizer.step();
        }
        updates++;
        train.add(updates, loss, stats[1] / scoredInBatch, lr);
        if (updates % EVAL_EVERY == 0) evalPending = true;
    }

    private void evalChunk() {
        TokenTask.Examples data = task.test();
        int total = evalExamples();
        // forward only, so twice a training micro-batch costs about two thirds of a training step; a GPU takes all
        int n = Math.min(total - evalPos, backend.name().equals("cpu") ? 2 * micro : total);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = evalPos + i;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Batch b = Batch.of(backend, data, idx, 0, n);
            Tensor logits = model.forward(b.inputs).gatherRows(b.rows);
            accumulate(evalStats, b.stats(logits, Losses.crossEntropy(logits, b.targets)));
            evalScored += b.scored;
        }
        evalPos += n;
        if (evalPos >= total) {
            float[] stats = evalStats.toHost();
            backend.fill(evalStats.buffer(), 0f);
            test.add(updates, stats[0] / evalScored, stats[1] / evalScored);
            evalPending = false;
            evalPos = 0;
            evalScored = 0;
        }
    }

    /** Modular addition is judged on every held-out sum; other tasks on a fixed sample of the test set. */
    int evalExamples() {
        return task instanceof ModularTask ? task.test().count : Math.min(task.test().count, EVAL_EXAMPLES);
    }

    /** Loss and token accuracy over the first {@code n} test examples, in one go (for tests and final reports). */
    public double[] evaluate(int n) {
        TokenTask.Examples data = task.test();
        n = Math.min(n, data.count);
        double loss = 0, correct = 0;
        int scored = 0;
        for (int from = 0; from < n; from += 64) {
            int m = Math.min(64, n - from);
            int[] idx = new int[m];
            for (int i = 0; i < m; i++) idx[i] = from + i;
            try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
                Batch b = Batch.of(backend, data, idx, 0, m);
                Tensor logits = model.forward(b.inputs).gatherRows(b.rows);
                float[] stats = b.stats(logits, Losses.crossEntropy(logits, b.targets)).toHost();
                loss += stats[0];
                correct += stats[1];
                scored += b.scored;
            }
        }
        return new double[] {loss / scored, correct / scored};
    }

    // ---- state for the views ----------------------------------------------------------------------------------

    /** Optimizer updates so far (what the run bar counts). */
    public long updates() {
        return updates;
    }

    public long microSteps() {
        return microSteps;
    }

    /** Tokens read by training forward passes so far (for tokens per second). */
    public long tokensTrained() {
        return tokensTrained;
    }

    /** Null while healthy, otherwise why training stopped. */
    public String divergence() {
        return divergence;
    }

    public Backend backend() {
        return backend;
    }

    /** Releases the model, the optimizer state and the statistics buffers. */
    public void dispose() {
        optimizer.reset();
        if (optimizer instanceof descent.optim.Muon m && m.adamw() != null) m.adamw().reset();
        model.dispose();
        trainStats.release();
        evalStats.release();
    }
}
