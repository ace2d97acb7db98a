package descent.labs.attention;

import descent.nn.Parameter;
import descent.optim.AdaGrad;
import descent.optim.Adam;
import descent.optim.AdamW;
import descent.optim.Lion;
import descent.optim.Momentum;
import descent.optim.Muon;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RmsProp;
import descent.optim.Schedule;
import descent.optim.Sgd;
import descent.optim.SignDescent;
import java.util.List;

/** The lab's optimizer and schedule choices, by their URL names. */
final class Optimizers {
    /** Learning rate of Muon's inner AdamW (embeddings, norms, output layer): the usual 3e-3 at these sizes. */
    static final float MUON_ADAM_LR = 3e-3f;

    private Optimizers() {
    }

    static Optimizer make(String name, List<Parameter> params, float lr) {
        switch (name) {
            case "adam": return new Adam(params, lr);
            case "muon": return new Muon(params, lr, MUON_ADAM_LR);
            case "sgd": return new Sgd(params, lr);
            case "momentum": return new Momentum(params, lr, 0.9f);
            case "nesterov": return new Nesterov(params, lr, 0.9f);
            case "lion": return new Lion(params, lr);
            case "rmsprop": return new RmsProp(params, lr);
            case "adagrad": return new AdaGrad(params, lr);
            case "signsgd": return new SignDescent(params, lr);
            default: return new AdamW(params, lr);
        }
    }

    /** Sets weight decay on optimizers that have it; the others ignore it (the knob's help says which). */
    static void weightDecay(Optimizer o, float wd) {
        if (o instanceof AdamW a) a.weightDecay = wd;
        else if (o instanceof Adam a) a.weightDecay = wd;
        else if (o instanceof Sgd s) s.weightDecay = wd;
        else if (o instanceof Momentum m) m.weightDecay = wd;
        else if (o instanceof Nesterov n) n.weightDecay = wd;
        else if (o instanceof Lion l) l.weightDecay = wd;
        else if (o instanceof Muon m) {
            m.weightDecay = wd;
            if (m.adamw() != null) m.adamw().weightDecay = wd;
        }
    }

    /** Warm-up is 100 updates; the cosine then decays to 5% over 3000 (long enough for a grokking run to settle). */
    static Schedule schedule(String name) {
        switch (name) {
            case "warmup": return Schedule.warmup(100, Schedule.constant());
            case "cosine": return Schedule.warmup(100, Schedule.cosine(3000, 0.05f));
            default: return Schedule.constant();
        }
    }
}
