package descent.labs.playground;

import descent.labs.Params;
import descent.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The playground's settings as typed values, read from the knobs once. Values the knob parser cannot check (the
 * hidden-layer list, the packed points) are checked here; a repair is reported in {@link #notices}.
 */
public record PlaygroundConfig(String data, int classes, int n, double noise, double testShare, int batch,
        long dataSeed, PointCodec.Points custom, Features[] features, int[] hidden, Activation activation,
        boolean residual, float dropout, String optimizer, float lr, float beta1, float beta2, float weightDecay,
        String schedule, int decay, long seed, String reg, float regRate, List<String> notices) {

    public static final int MAX_LAYERS = 8, MAX_WIDTH = 64;

    public static PlaygroundConfig from(Params p) {
        List<String> notices = new ArrayList<>();
        List<Features> fs = new ArrayList<>();
        for (Features f : Features.values()) {
            if (p.bool(f.knob)) {
                fs.add(f);
            }
        }
        if (fs.isEmpty()) {
            notices.add("A network needs at least one input feature; using x\u2081 and x\u2082.");
            fs.add(Features.X1);
            fs.add(Features.X2);
        }
        int[] hidden = parseHidden(p.text("hidden"), notices);
        String data = p.choice("data");
        PointCodec.Points custom = null;
        String packed = p.text("pts");
        if (!packed.isEmpty()) {
            custom = PointCodec.decode(packed);
            if (custom == null) {
                notices.add("The link's custom points are damaged; they were ignored.");
            }
        }
        return new PlaygroundConfig(data, p.integer("classes"), p.integer("n"), p.num("noise"), p.num("test"),
                p.integer("batch"), p.integer("dseed"), custom, fs.toArray(new Features[0]), hidden,
                activation(p.choice("act")), p.bool("residual"), (float) p.num("dropout"), p.choice("opt"),
                (float) p.num("lr"), (float) p.num("beta1"), (float) p.num("beta2"), (float) p.num("wd"),
                p.choice("sched"), p.integer("decay"), p.integer("seed"), p.choice("reg"),
                (float) p.num("reg_rate"), notices);
    }

    /** "8, 8,4" to {8, 8, 4}; widths clamped to [1, 64], at most 8 layers; anything unreadable gives the default. */
    static int[] parseHidden(String s, List<String> notices) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("\\s*,\\s*");
        if (parts.length > MAX_LAYERS) {
            notices.add("Hidden layers: at most " + MAX_LAYERS + "; kept the first " + MAX_LAYERS + ".");
        }
        int n = Math.min(parts.length, MAX_LAYERS);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!parts[i].matches("\\d{1,4}")) {
                notices.add("Hidden layers: \u201c" + (t.length() > 30 ? t.substring(0, 30) + "\u2026" : t)
                        + "\u201d is not a list of whole numbers like 4,2; using 4,2.");
                return new int[] {4, 2};
            }
            int v = Integer.parseInt(parts[i]);
            if (v < 1 || v > MAX_WIDTH) {
                int c = Math.max(1, Math.min(MAX_WIDTH, v));
                notices.add("Hidden layers: " + v + " neurons is outside 1\u2013" + MAX_WIDTH + "; using " + c + ".");
                v = c;
            }
            out[i] = v;
        }
        return out;
    }

    static String formatHidden(int[] hidden) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hidden.length; i++) {
            sb.append(i > 0 ? "," : "").append(hidden[i]);
        }
        return sb.toString();
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leaky_relu" -> Activation.LEAKY_RELU;
            case "sigmoid" -> Activation.SIGMOID;
            case "gelu" -> Activation.GELU;
            case "linear" -> Activation.IDENTITY;
            default -> Activation.TANH;
        };
    }

    /** Regression datasets ask for a value; the rest for a class. Custom data says which it is. */
    public boolean regression() {
        if (data.equals("custom")) {
            return custom != null && custom.regression();
        }
        return data.equals("plane") || data.equals("multigauss");
    }

    /** Number of classes the data has (1 for regression). */
    public int classCount() {
        if (regression()) {
            return 1;
        }
        if (data.equals("custom")) {
            int k = 2;
            if (custom != null) {
                for (int c : custom.labels()) {
                    k = Math.max(k, c + 1);
                }
            }
            return k;
        }
        return switch (data) {
            case "gaussians", "spiral", "checkerboard", "rings" -> classes;
            default -> 2;
        };
    }

    /** Whether the activation is piecewise linear, so the net is linear on regions of the plane. */
    public boolean piecewiseLinear() {
        return activation == Activation.RELU || activation == Activation.LEAKY_RELU
                || activation == Activation.IDENTITY;
    }
}
