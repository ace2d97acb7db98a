package descent.app;

import descent.gpu.Backends;
import descent.ui.Dom;
import descent.ui.Js;

/**
 * The frame loop, on a TeaVM thread so labs may await GPU results. Each frame: run posted commands, train for as
 * many steps as fit the frame budget (or as the speed setting allows), render once. Nothing is computed while the
 * tab is hidden (no animation frames arrive) or the lab is scrolled out of view.
 */
final class RunLoop implements Runnable {
    /** Milliseconds of training per frame at full speed; the rest of the ~16 ms frame is for drawing. */
    static final double BUDGET_MS = 11;
    static boolean renderRequested = true;

    private final Shell shell;
    private long frame;
    private double rateStart;
    /** The lab's step count when the rate window opened: a lab whose step() is a piece of a step (micro-batches)
     *  still reports steps per second in its own unit. */
    private long rateFrom;
    private double lastRate;
    private int lastHeight;

    RunLoop(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        while (true) {
            Js.nextFrame();
            frame++;
            drainCommands();
            try {
                // submit the GPU work of the last frame, notice device loss, sync parameters to the host
                Backends.frame(Js.now());
            } catch (RuntimeException e) {
                shell.fail(e);
            }
            if (shell.view != null) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    shell.fail(e);
                }
            }
            if (shell.embed) {
                int h = Dom.doc().getDocumentElement().getScrollHeight();
                if (h != lastHeight) {
                    lastHeight = h;
                    Js.postHeight(h);
                }
            }
        }
    }

    private void drainCommands() {
        while (!shell.commands.isEmpty()) {
            Runnable r = shell.commands.poll();
            try {
                r.run();
            } catch (RuntimeException e) {
                shell.fail(e);
            }
        }
    }

    private void tick() {
        boolean trained = false;
        if (shell.running && shell.visible) {
            int speed = shell.runBar().speed;
            double start = Js.now();
            if (speed < 0) {
                if (frame % -speed == 0) {
                    step();
                }
            } else {
                int n = 0;
                do {
                    step();
                    n++;
                } while (shell.running && !shell.view.finished() && (speed == 0 || n < speed)
                        && Js.now() - start < BUDGET_MS);
            }
            if (shell.running && shell.view.finished()) {
                shell.pause();
            }
            trained = true;
        }
        if (trained || renderRequested) {
            renderRequested = false;
            shell.view.render();
            long steps = shell.view.steps();
            Dom.body().setAttribute("data-step", Long.toString(steps));
            double now = Js.now();
            if (now - rateStart > 500) {
                lastRate = shell.running ? Math.max(0, steps - rateFrom) * 1000.0 / (now - rateStart) : 0;
                rateStart = now;
                rateFrom = steps;
            }
            shell.runBar().stats(steps, lastRate);
        }
    }

    private void step() {
        shell.view.step();
        shell.checkDivergence();
    }
}
