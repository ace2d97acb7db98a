package descent.tensor;

import java.util.ArrayList;

/**
 * The lifetime of a training step: every tensor created while a scope is open is released to its backend's pool when
 * the scope closes, unless it was made {@link Tensor#persistent()}. Steady-state training therefore reuses the same
 * buffers every step and the live-buffer count stays flat.
 *
 * <pre>{@code
 * try (Scope step = Scope.open()) {
 *     Tensor loss = model.forward(x).crossEntropy(y);
 *     loss.backward();
 *     optimizer.step();
 * }
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    private static Scope current;

    private final Scope parent;
    private final ArrayList<Tensor> tracked = new ArrayList<>();
    private boolean closed;

    private Scope(Scope parent) {
        this.parent = parent;
    }

    public static Scope open() {
        current = new Scope(current);
        return current;
    }

    /** True while some scope is open. */
    public static boolean active() {
        return current != null;
    }

    static void track(Tensor t) {
        if (current != null) current.tracked.add(t);
    }

    /** Moves a tensor out of this scope to the enclosing one (or to no scope), so it survives this close. */
    public Tensor keep(Tensor t) {
        if (tracked.remove(t) && parent != null) parent.tracked.add(t);
        return t;
    }

    /** Number of tensors this scope will release. */
    public int trackedCount() {
        return tracked.size();
    }

    @Override
    public void close() {
        if (closed) return;
        if (current != this) throw new IllegalStateException("scopes must close in the order they opened");
        closed = true;
        for (int i = tracked.size() - 1; i >= 0; i--) {
            Tensor t = tracked.get(i);
            if (!t.isPersistent()) t.release();
        }
        tracked.clear();
        current = parent;
    }
}
