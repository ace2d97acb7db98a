package descent.labs.playground;

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

/** The engine's optimizers by their URL names, with the lab's shared knobs mapped onto each one's own fields. */
final class Optimizers {
    private Optimizers() {
    }

    static Optimizer create(PlaygroundConfig c, List<Parameter> params) {
        Optimizer o = switch (c.optimizer()) {
            case "momentum" -> new Momentum(params, c.lr(), c.beta1());
            case "nesterov" -> new Nesterov(params, c.lr(), c.beta1());
            case "adam" -> new Adam(params, c.lr());
            case "adamw" -> new AdamW(params, c.lr());
            case "rmsprop" -> new RmsProp(params, c.lr());
            case "adagrad" -> new AdaGrad(params, c.lr());
            case "lion" -> new Lion(params, c.lr());
            case "sign" -> new SignDescent(params, c.lr());
            // Muon orthogonalises the hidden matrices; the rest go to its inner AdamW at the same rate
            case "muon" -> new Muon(params, c.lr(), c.lr());
            default -> new Sgd(params, c.lr());
        };
        o.schedule(schedule(c.schedule(), c.decay()));
        tune(o, c);
        return o;
    }

    /** Applies the live knobs (rate, momentum and betas, weight decay) without losing the optimizer's state. */
    static void tune(Optimizer o, PlaygroundConfig c) {
        o.learningRate(c.lr());
        if (o instanceof Sgd s) {
            s.weightDecay = c.weightDecay();
        } else if (o instanceof Momentum m) {
            m.momentum = c.beta1();
            m.weightDecay = c.weightDecay();
        } else if (o instanceof Nesterov m) {
            m.momentum = c.beta1();
            m.weightDecay = c.weightDecay();
        } else if (o instanceof Adam a) {
            a.beta1 = c.beta1();
            a.beta2 = c.beta2();
            a.weightDecay = c.weightDecay();
        } else if (o instanceof AdamW a) {
            a.beta1 = c.beta1();
            a.beta2 = c.beta2();
            a.weightDecay = c.weightDecay();
        } else if (o instanceof Lion l) {
            l.beta1 = c.beta1();
            l.beta2 = c.beta2();
            l.weightDecay = c.weightDecay();
        } else if (o instanceof RmsProp r) {
            r.rho = c.beta2();
        } else if (o instanceof Muon m) {
            m.momentum = c.beta1();
            m.weightDecay = c.weightDecay();
        }
    }

    /** The learning-rate multiplier over steps: constant, halving every N, cosine over N, or warm-up then cosine. */
    static Schedule schedule(String name, int n) {
        return switch (name) {
            case "step" -> Schedule.step(n, 0.5f);
            case "cosine" -> Schedule.cosine(n, 0.05f);
            case "warmup" -> Schedule.warmup(Math.max(1, n / 10), Schedule.cosine(n - Math.max(1, n / 10), 0.05f));
            default -> Schedule.constant();
        };
    }
}
