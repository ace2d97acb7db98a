package descent.app;

/** The few commands an embedding page may send: {@code descent:play}, {@code descent:pause}, {@code descent:reset}. */
final class Messages {
    private Messages() {
    }

    static void handle(Shell shell, String type) {
        switch (type) {
            case "descent:play" -> shell.play();
            case "descent:pause" -> shell.pause();
            case "descent:reset" -> shell.resetLab();
            case "descent:step" -> shell.stepOnce();
            default -> { }
        }
    }
}
