package descent.labs.attention;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Preset;
import java.util.List;

/**
 * The attention lab's knobs and guided experiments. The defaults are the documented ones the tests train with: the
 * copy task on lists of 8 of 16 symbols, 2 layers, 4 heads, width 64, context 64, batch 16, AdamW at 3e-3, seed 1.
 */
public final class AttentionSpec {
    private AttentionSpec() {
    }

    public static final List<String> TASKS = List.of("copy", "reverse", "sort", "modadd", "recall", "induction", "text");
    public static final List<String> OPTIMIZERS = List.of("adamw", "adam", "muon", "sgd", "momentum", "nesterov", "lion",
            "rmsprop", "adagrad", "signsgd");
    /** The longest typed example or prompt (fits the URL comfortably). */
    public static final int MAX_TYPED = 160;

    public static final LabSpec SPEC = new LabSpec("attention", "Attention and transformers",
            "Weeks 8\u201310 \u00b7 attention, transformers",
            "Train a small transformer live, see what every head attends to, and step its sampler token by token.",
            List.of(
                    Knob.choice("task", "Task", "copy", TASKS, List.of("Copy a list", "Reverse a list", "Sort a list",
                            "Modular addition", "Associative recall", "Induction (repeats)", "Text (characters)"))
                            .in("task").withHelp("What the model learns to predict; only the answer part is scored."),
                    Knob.integer("length", "List length", 8, 2, 31).in("task")
                            .withHelp("Copy, reverse and sort: list length. Induction: longest repeated segment. "
                                    + "Recall: number of key-value pairs."),
                    Knob.integer("symbols", "Symbols", 16, 3, 52).in("task")
                            .withHelp("How many different tokens the lists and repeats use."),
                    Knob.integer("modulus", "Modulus p", 23, 5, 97).in("task")
                            .withHelp("Modular addition: the model learns (a + b) mod p."),
                    Knob.number("train_frac", "Training fraction", 0.5, 0.1, 0.9, false).in("task")
                            .withHelp("Modular addition: the share of all p\u00b2 sums used for training; the rest is "
                                    + "the test."),
                    Knob.choice("corpus", "Text", "builtin", List.of("builtin", "pasted"),
                            List.of("Built-in sentences", "Your pasted text")).in("task")
                            .withHelp("Text task: the generated sentences, or the text you paste under Tools."),
                    Knob.integer("layers", "Layers", 2, 1, 4).in("model"),
                    Knob.choice("heads", "Heads", "4", List.of("1", "2", "4", "8")).in("model"),
                    Knob.choice("width", "Width", "64", List.of("16", "32", "64", "128", "256")).in("model")
                            .withHelp("Channels C of the residual stream; each head gets C / heads."),
                    Knob.integer("context", "Context", 64, 8, 128).in("model")
                            .withHelp("Most tokens the model sees at once; the text task trains on windows this long."),
                    Knob.choice("positions", "Positions", "learned", List.of("learned", "sinusoidal", "rotary"),
                            List.of("Learned", "Sinusoidal", "Rotary (RoPE)")).in("model"),
                    Knob.choice("optimizer", "Optimizer", "adamw", OPTIMIZERS, List.of("AdamW", "Adam", "Muon", "SGD",
                            "Momentum", "Nesterov", "Lion", "RMSProp", "AdaGrad", "Sign descent")).in("training")
                            .withHelp("Muon updates the hidden matrices; embeddings, norms and the output layer use "
                                    + "AdamW at 3e-3."),
                    Knob.number("lr", "Learning rate", 3e-3, 1e-5, 1, true).in("training").live(),
                    Knob.number("wd", "Weight decay", 0.01, 0, 2, false).in("training").live()
                            .withHelp("Decoupled for AdamW, Lion and Muon; added to the gradient for Adam, SGD and "
                                    + "momentum; ignored by RMSProp, AdaGrad and sign descent."),
                    Knob.integer("batch", "Batch", 16, 1, 256).in("training").withHelp("Sequences per update."),
                    Knob.choice("schedule", "Schedule", "constant", List.of("constant", "warmup", "cosine"),
                            List.of("Constant", "Warm-up", "Warm-up + cosine")).in("training").live(),
                    Knob.seed(),
                    Knob.text("example", "Example", "", MAX_TYPED).in("view").live()
                            .withHelp("The sequence the attention maps show; empty shows a test example."),
                    Knob.text("prompt", "Prompt", "", MAX_TYPED).in("sampling").live()
                            .withHelp("Where the sampler starts; empty starts from the example."),
                    Knob.choice("decode", "Decoding", "sample", List.of("sample", "greedy"),
                            List.of("Sample", "Greedy (arg-max)")).in("sampling").live(),
                    Knob.number("temperature", "Temperature", 1, 0, 2, false).in("sampling").live()
                            .withHelp("Divides the logits: below 1 sharpens, above 1 flattens; 0 is greedy."),
                    Knob.integer("topk", "Top-k", 0, 0, 64).in("sampling").live()
                            .withHelp("Keep only the k most likely tokens (0 keeps all)."),
                    Knob.number("topp", "Top-p", 1, 0.05, 1, false).in("sampling").live()
                            .withHelp("Keep the smallest set of tokens whose probability reaches p (nucleus).")),
            List.of(
                    new Preset("Copy: a diagonal appears", "As accuracy climbs, a head's map grows a diagonal "
                            + "exactly one list length back: each answer token reads its source.", "task=copy"),
                    new Preset("Reverse: the anti-diagonal", "Now the diagonal runs the other way: the answer's first "
                            + "token reads the list's last.", "task=reverse"),
                    new Preset("Induction heads", "Two layers: one head looks at the previous token, then a head in "
                            + "layer 2 looks just after the earlier copy of the current token.",
                            "task=induction&length=12&symbols=26&lr=0.003"),
                    new Preset("Grokking modular addition", "Train accuracy hits 100% early; test accuracy stays low "
                            + "for a long time, then jumps. Weight decay makes the jump happen.",
                            "task=modadd&layers=1&width=128&heads=4&wd=1&batch=256&lr=0.003"),
                    new Preset("One layer: QK and OV circuits", "With one layer the circuits are plain matrices: "
                            + "watch the OV circuit become a bright diagonal, the signature of copying.",
                            "task=copy&layers=1&heads=2"),
                    new Preset("Rotary positions", "Same reverse task with RoPE: no position vectors are added, yet "
                            + "the anti-diagonal still forms from relative offsets.", "task=reverse&positions=rotary"),
                    new Preset("A character language model", "Step the sampler: spaces and word endings become "
                            + "confident first, whole words later.", "task=text&context=48"),
                    new Preset("Muon", "The hidden matrices are updated with orthogonalised momentum: compare the "
                            + "loss curve with AdamW's.", "optimizer=muon&lr=0.02")));
}
