// Thuiswijzer aid loader: one loader for http and for a double-clicked file:// page.
// It loads the runtime as classic scripts, starts Python in a blob worker so the page never
// freezes, and sends the form's answers to Python on every change. What a user types stays
// in this page's memory: it is never sent anywhere and never stored.
(function () {
  "use strict";

  var START_LIMIT_MS = 20000;
  var DEBOUNCE_MS = 120;
  var NativeWorker = window.__twNativeWorker || window.Worker;
  var chunks = {};

  // Called by the runtime data scripts: __twRuntime(name, index, total, base64).
  window.__twRuntime = function (name, index, total, data) {
    (chunks[name] = chunks[name] || new Array(total))[index] = data;
  };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("bestand ontbreekt: " + src)); };
      document.head.appendChild(script);
    });
  }

  function takeChunks(name) {
    var parts = chunks[name];
    delete chunks[name];
    if (!parts || parts.some(function (p) { return typeof p !== "string"; })) {
      throw new Error("onvolledig runtimebestand: " + name);
    }
    return parts.join("");
  }

  function setStatus(form, state, text) {
    form.setAttribute("data-state", state);
    var status = form.querySelector("[data-aid-status]");
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
  }

  function collect(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      (fields[name] = fields[name] || []).push(String(value));
    });
    return fields;
  }

  function show(form, response, final) {
    if (!response.ok) {
      setStatus(form, "ready", response.message);
      return;
    }
    var visible = {};
    response.visible.forEach(function (name) { visible[name] = true; });
    form.querySelectorAll("[data-field]").forEach(function (el) {
      el.hidden = !visible[el.getAttribute("data-field")];
    });
    form.querySelectorAll("[data-question]").forEach(function (el) {
      var fields = el.querySelectorAll("[data-field]");
      el.hidden = fields.length > 0 && Array.prototype.every.call(fields, function (f) {
        return f.hidden;
      });
    });
    var messages = {};
    response.errors.forEach(function (e) { messages[e.field] = e.message; });
    form.querySelectorAll("[data-error-for]").forEach(function (slot) {
      var name = slot.getAttribute("data-error-for");
      var message = messages[name];
      slot.textContent = message ? "Fout: " + message : "";
      slot.hidden = !message;
      var field = form.querySelector('[data-field="' + name + '"]');
      if (field) field.classList.toggle("aid-field--error", Boolean(message));
      var control = field && field.querySelector("input:not([type=radio]):not([type=checkbox]), textarea");
      if (control) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    });
    var summary = form.querySelector("[data-aid-errors]");
    summary.innerHTML = response.errors_html;  // built and escaped by Python
    summary.hidden = response.errors.length === 0;
    var output = form.querySelector("[data-aid-output]");
    output.innerHTML = response.result_html;  // built and escaped by Python
    if (!performance.getEntriesByName("tw-first-result").length) {
      performance.mark("tw-first-result");
    }
    if (final) {
      (response.errors.length ? summary : output).focus();
    }
  }

  function start(form, runtime) {
    var worker = null;
    var ready = false;
    var failed = false;
    var calls = 0;
    var latest = 0;
    var timer = null;
    var pendingFinal = false;

    function fail(reason) {
      if (failed || ready) return;
      failed = true;
      if (worker) worker.terminate();
      setStatus(form, "unavailable",
        "Het hulpmiddel kan in deze browser niet starten (" + reason + "). " +
        "Je kunt het formulier wel gebruiken als checklist: lees de vragen, vul in wat je wilt " +
        "en druk de pagina af. Er wordt geen samenvatting gemaakt.");
    }

    function call(final) {
      if (!ready) return;
      var id = ++calls;
      latest = id;
      pendingFinal = pendingFinal || final;
      worker.postMessage({
        type: "call", id: id,
        request: JSON.stringify({ aid: form.getAttribute("data-aid"), fields: collect(form), final: final }),
      });
    }

    var deadline = setTimeout(function () {
      fail("het starten duurde langer dan " + START_LIMIT_MS / 1000 + " seconden");
    }, START_LIMIT_MS);

    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { call(false); }, DEBOUNCE_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (ready) {
        clearTimeout(timer);
        call(true);
      } else if (!failed) {
        setStatus(form, "loading", "Het hulpmiddel start nog. Probeer het zo opnieuw; je antwoorden blijven staan.");
      }
    });

    if (typeof NativeWorker !== "function" || typeof WebAssembly !== "object" ||
        typeof DecompressionStream !== "function") {
      clearTimeout(deadline);
      fail("deze browser mist wat nodig is: web workers, WebAssembly of DecompressionStream");
      return;
    }

    Promise.all(runtime.files.map(function (file) { return loadScript(runtime.base + file); }))
      .then(function () {
        if (failed) return;
        var source = new Blob([self.__twWorkerSource], { type: "text/javascript" });
        delete self.__twWorkerSource;
        worker = new NativeWorker(URL.createObjectURL(source));
        worker.onerror = function (event) {
          event.preventDefault();
          fail("fout in de worker: " + (event.message || "onbekend"));
        };
        worker.onmessage = function (event) {
          var message = event.data;
          if (message.type === "ready") {
            if (failed) return;
            clearTimeout(deadline);
            ready = true;
            setStatus(form, "ready",
              "Het hulpmiddel is klaar. De samenvatting onder het formulier groeit mee terwijl je invult.");
            call(false);
          } else if (message.type === "failed") {
            clearTimeout(deadline);
            fail(message.reason);
          } else if (message.type === "answer" && message.id === latest) {
            var final = pendingFinal;
            pendingFinal = false;
            show(form, JSON.parse(message.response), final);
          }
        };
        worker.postMessage({ type: "start", payload: {
          wasm: takeChunks("wasm"), stdlib: takeChunks("stdlib"), wheel: takeChunks("wheel"),
        } });
      })
      .catch(function (error) {
        clearTimeout(deadline);
        fail(error.message);
      });
  }

  function init() {
    var config = document.querySelector("script[data-tw-runtime]");
    var form = document.querySelector("form.aid[data-aid]");
    if (!form || !config) return;
    var runtime = JSON.parse(config.textContent);
    setStatus(form, "loading", "Het hulpmiddel wordt gestart. Je kunt alvast beginnen met invullen.");
    start(form, runtime);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
