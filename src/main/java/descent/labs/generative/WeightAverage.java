package descent.labs.generative;

import descent.nn.Parameter;
import descent.tensor.Autograd;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;

/**
 * An exponential moving average of a network's weights, kept in a twin network of the same shape: θ̄ ← d θ̄ + (1 - d) θ
 * after every step (Polyak averaging; DDPM samples with it, Ho et al. 2020 use d = 0.9999). Adam's weights jitter from
 * batch to batch; the average does not, and a diffusion sampler, which calls the network a hundred times in a row,
 * turns that jitter into visibly worse samples. Early on d is lowered to (1 + n) / (10 + n) so the average does not
 * remember the random initial weights for long.
 */
final class WeightAverage {
    private final List<Parameter> live, twin;
    private final double decay;
    private long updates;

    WeightAverage(List<Parameter> live, List<Parameter> twin, double decay) {
        if (live.size() != twin.size()) throw new IllegalArgumentException("the twin network has another shape");
        this.live = live;
        this.twin = twin;
        this.decay = decay;
        for (int i = 0; i < live.size(); i++) twin.get(i).value.copyFrom(live.get(i).value.toHost());
    }

    void update() {
        updates++;
        float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            for (int i = 0; i < live.size(); i++) {
                Tensor avg = twin.get(i).value, now = live.get(i).value;
                Tensor next = avg.mul(d).add(now.mul(1 - d));
                avg.backend.copy(next.buffer(), avg.buffer(), avg.size, false);
            }
        }
    }
}
