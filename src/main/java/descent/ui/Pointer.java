package descent.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSProperty;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One set of gestures for mouse, pen and touch, from pointer events: hover, tap, drag, long-press and right-click,
 * in CSS pixels relative to the element. Every chart uses it, so a phone gets the same features as a laptop.
 *
 * <pre>{@code
 * Pointer.attach(canvas, new Pointer.Handler() {
 *     public void tap(double x, double y, boolean touch) { select(x, y); }
 *     public boolean dragStart(double x, double y) { return grab(x, y); }   // true: this drag is ours
 *     public void dragMove(double x, double y) { move(x, y); }
 * });
 * }</pre>
 *
 * <p>A press becomes a drag after moving {@link #SLOP} pixels, a long press after {@link #LONG_MS} ms held still.
 * Whether touch drags scroll the page is CSS's {@code touch-action}, which the owner sets per mode.
 */
public final class Pointer {
    public static final double SLOP = 6;
    public static final int LONG_MS = 550;

    /** What a chart does with gestures; every method is optional. */
    public interface Handler {
        default void hover(double x, double y) { }

        default void leave() { }

        /** A short press without movement; {@code touch} tells a finger from a mouse (bigger hit targets). */
        default void tap(double x, double y, boolean touch) { }

        /** A press starts moving: return true to own the drag (the element captures the pointer). */
        default boolean dragStart(double x, double y, boolean touch) {
            return false;
        }

        default void dragMove(double x, double y) { }

        default void dragEnd(double x, double y) { }

        /** Held still for {@link #LONG_MS}, or a right-click: the "delete / more" gesture. */
        default void longPress(double x, double y, boolean touch) { }
    }

    /** The pointer-event fields TeaVM's MouseEvent lacks. */
    public interface PointerEvent extends MouseEvent {
        @JSProperty
        int getPointerId();

        @JSProperty
        String getPointerType();
    }

    private final HTMLElement el;
    private final Handler h;
    private int active = -1;
    private double downX, downY;
    private boolean touch, dragging, owned, fired;
    private int timer = -1;

    private Pointer(HTMLElement el, Handler h) {
        this.el = el;
        this.h = h;
    }

    public static Pointer attach(HTMLElement el, Handler h) {
        Pointer p = new Pointer(el, h);
        el.addEventListener("pointerdown", (EventListener<PointerEvent>) p::down);
        el.addEventListener("pointermove", (EventListener<PointerEvent>) p::move);
        el.addEventListener("pointerup", (EventListener<PointerEvent>) p::up);
        el.addEventListener("pointercancel", (EventListener<PointerEvent>) e -> p.cancel());
        el.addEventListener("pointerleave", (EventListener<PointerEvent>) e -> {
            if (p.active < 0) {
                h.leave();
            }
        });
        el.addEventListener("contextmenu", (EventListener<PointerEvent>) e -> {
            e.preventDefault();
            p.cancel();
            h.longPress(x(el, e), y(el, e), false);
        });
        return p;
    }

    private void down(PointerEvent e) {
        if (active >= 0 || e.getButton() > 0) {
            return;
        }
        active = e.getPointerId();
        touch = !"mouse".equals(e.getPointerType());
        downX = x(el, e);
        downY = y(el, e);
        dragging = false;
        owned = false;
        fired = false;
        timer = Window.setTimeout(() -> {
            timer = -1;
            if (active >= 0 && !dragging) {
                fired = true;
                h.longPress(downX, downY, touch);
            }
        }, LONG_MS);
        if (!touch) {
            e.preventDefault();
        }
    }

    private void move(PointerEvent e) {
        double x = x(el, e), y = y(el, e);
        if (active < 0) {
            if ("mouse".equals(e.getPointerType())) {
                h.hover(x, y);
            }
            return;
        }
        if (e.getPointerId() != active || fired) {
            return;
        }
        if (!dragging && Math.hypot(x - downX, y - downY) > SLOP) {
            dragging = true;
            clearTimer();
            owned = h.dragStart(downX, downY, touch);
            if (owned) {
                Canvas.capture(el, active);
            }
        }
        if (owned) {
            h.dragMove(x, y);
        } else if (!touch) {
            h.hover(x, y);
        }
    }

    private void up(PointerEvent e) {
        if (e.getPointerId() != active) {
            return;
        }
        double x = x(el, e), y = y(el, e);
        clearTimer();
        if (owned) {
            h.dragEnd(x, y);
        } else if (!dragging && !fired) {
            h.tap(x, y, touch);
        }
        active = -1;
        if (touch) {
            h.leave();
        }
    }

    private void cancel() {
        clearTimer();
        if (owned) {
            h.dragEnd(downX, downY);
        }
        active = -1;
        dragging = false;
        owned = false;
    }

    private void clearTimer() {
        if (timer >= 0) {
            Window.clearTimeout(timer);
            timer = -1;
        }
    }

    @JSBody(params = {"el", "e"}, script = "return e.clientX - el.getBoundingClientRect().left;")
    static native double x(HTMLElement el, MouseEvent e);

    @JSBody(params = {"el", "e"}, script = "return e.clientY - el.getBoundingClientRect().top;")
    static native double y(HTMLElement el, MouseEvent e);
}
