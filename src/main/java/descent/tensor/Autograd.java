package descent.tensor;

import java.util.ArrayList;

/**
 * Reverse-mode differentiation over the tape that ops record in their output tensors.
 *
 * <p>Single-threaded by design (the browser runs one step loop), so the no-grad switch is a static flag.
 */
public final class Autograd {
    private static boolean enabled = true;
    private static int epoch;
    private static final ArrayList<Tensor> order = new ArrayList<>();
    private static final ArrayList<Tensor> stack = new ArrayList<>();
    private static final ArrayList<Integer> childIndex = new ArrayList<>();

    private Autograd() {}

    public static boolean enabled() {
        return enabled;
    }

    /** A region where ops record nothing (evaluation, optimizer arithmetic): {@code try (var g = noGrad()) {...}}. */
    public static NoGrad noGrad() {
        NoGrad g = new NoGrad(enabled);
        enabled = false;
        return g;
    }

    public static final class NoGrad implements AutoCloseable {
        private final boolean previous;

        private NoGrad(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            enabled = previous;
        }
    }

    static void backward(Tensor root) {
        if (!root.requiresGrad()) throw new IllegalStateException("nothing to differentiate: " + root.describe()
                + " does not depend on any tensor that requires a gradient");
        topologicalOrder(root);
        root.backend.fill(root.gradBuffer(), 1f);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Tensor.BackwardFn fn = t.backwardFn();
            if (fn != null && t.hasGrad()) fn.run();
        }
        order.clear();
    }

    /** Post-order DFS without recursion (graphs of deep nets would overflow a small wasm stack). */
    private static void topologicalOrder(Tensor root) {
        int mark = ++epoch;
        order.clear();
        stack.clear();
        childIndex.clear();
        stack.add(root);
        childIndex.add(0);
        root.visitMark = mark;
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor t = stack.get(top);
            Tensor[] ps = t.parents();
            int next = childIndex.get(top);
            if (ps != null && next < ps.length) {
                childIndex.set(top, next + 1);
                Tensor p = ps[next];
                if (p != null && p.requiresGrad() && p.visitMark != mark) {
                    p.visitMark = mark;
                    stack.add(p);
                    childIndex.add(0);
                }
            } else {
                order.add(t);
                stack.remove(top);
                childIndex.remove(top);
            }
        }
    }
}
