package descent.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class ProbeIT {
    @Test
    void probe() {
        Page page = Browser.webgpu().newPage();
        page.onConsoleMessage(m -> System.out.println("console " + m.type() + ": " + m.text()));
        page.onPageError(e -> System.out.println("pageerror: " + e));
        page.navigate(Browser.baseUrl());
        page.waitForTimeout(2000);
        System.out.println("state=" + page.evaluate("document.body.dataset.state") + " text=" + page.evaluate("document.body.innerText"));
        System.out.println("gpu=" + page.evaluate("async () => { if (!navigator.gpu) return 'no navigator.gpu'; const a = await navigator.gpu.requestAdapter(); return a ? JSON.stringify({d: a.info.description, v: a.info.vendor, arch: a.info.architecture, fb: a.info.isFallbackAdapter, f: [...a.features]}) : 'null adapter'; }"));
        Page p2 = Browser.cpu().newPage();
        p2.navigate(Browser.baseUrl());
        System.out.println("cpu gpu=" + p2.evaluate("async () => { if (!navigator.gpu) return 'no navigator.gpu'; const a = await navigator.gpu.requestAdapter(); return a ? a.info.description : 'null adapter'; }"));
    }
}
