"use strict";
// Starts the Java app compiled to WebAssembly GC. Everything else (router, labs, charts) lives in the wasm.
(async () => {
  const body = document.body;
  const fail = (title, detail) => {
    body.dataset.state = "error";
    const box = document.getElementById("boot-error") || document.createElement("div");
    box.id = "boot-error";
    box.className = "banner banner-error";
    box.setAttribute("role", "alert");
    box.replaceChildren();
    const h = document.createElement("strong");
    h.textContent = title;
    const p = document.createElement("p");
    p.textContent = detail;
    box.append(h, p);
    (document.querySelector("main") || body).prepend(box);
  };
  if (typeof WebAssembly !== "object" || typeof TeaVM !== "object") {
    fail("Descent could not start.", "This browser has no WebAssembly, or a script failed to load.");
    return;
  }
  try {
    const teavm = await TeaVM.wasmGC.load("wasm/descent.wasm");
    teavm.exports.main([]);
  } catch (e) {
    const msg = String(e && e.message || e);
    const gc = /gc|struct|ref|type/i.test(msg) || e instanceof WebAssembly.CompileError;
    fail("Descent could not start.", gc
      ? "This browser lacks WebAssembly GC. Descent needs Chrome or Edge 119+, Firefox 120+ or Safari 18.2+. (" + msg + ")"
      : msg);
    console.error(e);
  }
})();
