package descent.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes every page a test left open. A test that fails skips its own {@code close()}, and a lab left open keeps
 * training in the shared browser, slowing every later test until they time out too. Registered for all tests through
 * {@code META-INF/services} with extension autodetection on (set in the failsafe configuration).
 */
public final class ClosePages implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        Browser.closeAllPages();
    }
}
