package descent.data;

import descent.tensor.DetMath;
import descent.tensor.Rng;

/**
 * The sinusoid regression tasks of MAML (Finn, Abbeel and Levine 2017, section 5.1): each task is
 * y = A sin(x - phase) with A in [0.1, 5] and phase in [0, pi], inputs x uniform in [-5, 5]. Meta-learning trains on
 * many tasks and adapts to a new one from K examples.
 */
public final class Sinusoids {
    public static final class Task {
        public final double amplitude, phase;

        Task(double amplitude, double phase) {
            this.amplitude = amplitude;
            this.phase = phase;
        }

        public double value(double x) {
            return amplitude * DetMath.sin(x - phase);
        }
    }

    private final Rng rng;

    public Sinusoids(long seed) {
        rng = new Rng(seed);
    }

    public Task nextTask() {
        return new Task(rng.uniform(0.1, 5), rng.uniform(0, DetMath.PI));
    }

    /** K (x, y) examples of a task as a regression dataset. */
    public Dataset sample(Task task, int k) {
        float[] x = new float[k], y = new float[k];
        for (int i = 0; i < k; i++) {
            double v = rng.uniform(-5, 5);
            x[i] = (float) v;
            y[i] = (float) task.value(v);
        }
        return Dataset.regression("sinusoid A=" + (float) task.amplitude + " phase=" + (float) task.phase, x, 1, y, 1);
    }

    /** The task's curve at evenly spaced points, for plotting. */
    public static Dataset curve(Task task, int points) {
        float[] x = new float[points], y = new float[points];
        for (int i = 0; i < points; i++) {
            double v = -5 + 10.0 * i / (points - 1);
            x[i] = (float) v;
            y[i] = (float) task.value(v);
        }
        return Dataset.regression("sinusoid curve", x, 1, y, 1);
    }
}
