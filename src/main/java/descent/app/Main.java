package descent.app;

import descent.labs.diagnostics.BenchView;
import descent.labs.attention.AttentionView;
import descent.labs.diagnostics.DiagnosticsView;
import descent.labs.diagnostics.SelfTestView;
import descent.labs.generative.GenerativeBenchView;
import descent.labs.generative.GenerativeView;
import descent.labs.landscape.LandscapeSpec;
import descent.labs.landscape.LandscapeView;
import descent.labs.mupmuon.MupMuonView;
import descent.labs.optimizers.OptimizersView;
import descent.labs.playground.PlaygroundView;
import descent.ui.Dom;
import descent.ui.Js;

/** Entry point of the wasm: builds the registry of labs, the shell, and starts the loop thread. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Registry registry = new Registry()
                // syllabus order; diagnostics last, test pages hidden
                .add(PlaygroundView.SPEC, PlaygroundView::new)
                .add(OptimizersView.SPEC, OptimizersView::new)
                .add(LandscapeSpec.SPEC, LandscapeView::new)
                .add(MupMuonView.SPEC, MupMuonView::new)
                .add(AttentionView.SPEC, AttentionView::new)
                .add(GenerativeView.SPEC, GenerativeView::new)
                .add(DiagnosticsView.SPEC, DiagnosticsView::new)
                .addHidden(SelfTestView.SPEC, SelfTestView::new)
                .addHidden(BenchView.SPEC, BenchView::new)
                .addHidden(GenerativeBenchView.SPEC, GenerativeBenchView::new);
        boolean embed = "embed".equals(Dom.body().getAttribute("data-mode"));
        Shell shell = new Shell(registry, embed);
        Js.onHashChange(h -> shell.post(() -> shell.route(h)));
        Js.onMessage(type -> shell.post(() -> Messages.handle(shell, type)));
        Js.onShortcut(key -> shell.post(() -> {
            if (key.equals(".")) {
                shell.stepOnce();
            } else if (shell.running) {
                shell.pause();
            } else {
                shell.play();
            }
        }));
        String initial = Js.hash();
        shell.post(() -> shell.route(initial));
        new Thread(new RunLoop(shell), "descent-loop").start();
    }
}
