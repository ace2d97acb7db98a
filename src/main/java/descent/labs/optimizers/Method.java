package descent.labs.optimizers;

import descent.nn.Parameter;
import descent.optim.AdaGrad;
import descent.optim.Adam;
import descent.optim.Lion;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RmsProp;
import descent.optim.Sgd;
import descent.optim.SignDescent;
import java.util.List;

/**
 * The optimizers that race, each built from the engine's own class (the code that trains the networks of the other
 * labs), with the knob prefix, colour and default settings the lab gives it. {@code beta1} is the momentum coefficient
 * (heavy ball, Nesterov), RMSProp's ρ, or Adam's and Lion's β₁; {@code beta2} is Adam's and Lion's β₂.
 */
public enum Method {
    GD("gd", "GD", "#2f6fdf", 0.1, Double.NaN, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            return new Sgd(p, (float) lr);
        }
    },
    MOMENTUM("mom", "Momentum", "#d9612f", 0.01, 0.9, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            return new Momentum(p, (float) lr, (float) b1);
        }
    },
    NESTEROV("nag", "Nesterov", "#b8489e", 0.01, 0.9, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            return new Nesterov(p, (float) lr, (float) b1);
        }
    },
    ADAGRAD("adagrad", "AdaGrad", "#7a8b1f", 0.5, Double.NaN, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            return new AdaGrad(p, (float) lr);
        }
    },
    RMSPROP("rms", "RMSProp", "#8a5cd6", 0.02, 0.99, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            RmsProp o = new RmsProp(p, (float) lr);
            o.rho = (float) b1;
            return o;
        }
    },
    ADAM("adam", "Adam", "#1f9b8a", 0.05, 0.9, 0.999) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            Adam o = new Adam(p, (float) lr);
            o.beta1 = (float) b1;
            o.beta2 = (float) b2;
            return o;
        }
    },
    SIGN("sign", "Sign descent", "#c2303a", 0.02, Double.NaN, Double.NaN) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            return new SignDescent(p, (float) lr);
        }
    },
    LION("lion", "Lion", "#8c6d1f", 0.02, 0.9, 0.99) {
        Optimizer build(List<Parameter> p, double lr, double b1, double b2) {
            Lion o = new Lion(p, (float) lr);
            o.beta1 = (float) b1;
            o.beta2 = (float) b2;
            return o;
        }
    };

    /** Knob prefix: {@code mom} gives {@code mom}, {@code mom_lr}, {@code mom_b1}. */
    public final String key;
    public final String label;
    /** Trail colour, chosen to stay apart for colour-blind readers in both light and dark themes. */
    public final String color;
    public final double defaultLr, defaultBeta1, defaultBeta2;

    Method(String key, String label, String color, double lr, double b1, double b2) {
        this.key = key;
        this.label = label;
        this.color = color;
        this.defaultLr = lr;
        this.defaultBeta1 = b1;
        this.defaultBeta2 = b2;
    }

    /** The engine optimizer for these settings; unused betas are ignored. */
    abstract Optimizer build(List<Parameter> params, double lr, double beta1, double beta2);

    public boolean hasBeta1() {
        return !Double.isNaN(defaultBeta1);
    }

    public boolean hasBeta2() {
        return !Double.isNaN(defaultBeta2);
    }

    /** Whether the step length ignores the gradient's size (so its learning rate is a distance, not a gain). */
    public boolean scaleFree() {
        return this != GD && this != MOMENTUM && this != NESTEROV;
    }

    /** One optimizer in a race, with its settings. */
    public record Setting(Method method, double lr, double beta1, double beta2) {
        public Optimizer build(List<Parameter> params) {
            return method.build(params, lr, beta1, beta2);
        }

        public static Setting defaults(Method m) {
            return new Setting(m, m.defaultLr, m.defaultBeta1, m.defaultBeta2);
        }
    }
}
