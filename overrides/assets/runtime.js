// Thuiswijzer's Python in the browser, shared by every page that runs it (aid pages, the group
// overview, the case-file document). It starts Python in a blob worker, so the page never
// freezes, and unpacks the runtime in a second worker; this works over http and from a
// double-clicked file:// page. How the runtime's files reach the workers is runtime_files.js's
// job. The runtime starts loading once the page has loaded and painted its content; the page's
// first Python takes over that run. Requests and answers are JSON strings.
// Nothing here shows a word to the user: callers get reasons (keys of their own texts).
// Beside it, with one job each: file_check.js (reads a file the user opens, within the limits)
// and runtime_files.js.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel, M = C.messages;

  // A running Python answers in milliseconds; no answer for this long means it has stopped.
  var CALL_LIMIT_MS = 10000;
  // Python must be ready this long after navigation (or a restart), or the page goes on without.
  // On a slow link the limit counts from the last of the runtime's chunks that arrived instead
  // (a phone at 1.6 Mbit/s needs about 40 seconds for them), but never beyond START_CAP_MS.
  var START_LIMIT_MS = 20000;
  var START_CAP_MS = 120000;
  var NativeWorker = window.__twNativeWorker || window.Worker;
  // How the runtime's files reach the workers, and when (runtime_files.js).
  var Files = window.TwRuntimeFiles, failure = Files.failure;

  // A worker that cannot be made (blocked by a policy, Trusted Types, an old browser) is a
  // browser that does not let Python run.
  function startWorker(source) {
    try {
      return new NativeWorker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    } catch (error) {
      throw failure("reason_browser", "no worker: " + (error && error.message));
    }
  }

  function supported() {
    return typeof NativeWorker === "function" && typeof WebAssembly === "object" &&
      typeof TransformStream === "function";
  }

  // Where this page finds the runtime (its <script data-tw-runtime>, made at build time), read
  // once for every start on the page.
  var pageConfig = null;
  try {
    pageConfig = JSON.parse(document.querySelector("script" + S.runtime).textContent);
  } catch (error) {
    pageConfig = null;  // a page without it cannot start Python (see start)
  }

  // The runtime's two workers, started and given the runtime's bytes: over http fetched whole,
  // from file:// in data scripts that hand their chunks to the unpacker one by one. The unpacker
  // passes each whole file to Python's worker over a port of their own. What the workers say
  // before someone listens (run.listen) is kept for them; run.loaded rejects with what stops
  // the start.
  function launch(config) {
    var run = { worker: null, unpacker: null, heard: [], listen: null, ended: false, arrived: 0 };
    function hear(message) {
      if (message.type === M.arrived) run.arrived = performance.now();  // see Python.start
      else if (run.listen) run.listen(message);
      else run.heard.push(message);
    }
    run.loaded = Files.pageShown().then(function () {
      return run.ended ? null : Files.workerSources(config);
    }).then(function (sources) {
      if (run.ended) return null;
      run.worker = startWorker(sources[0]);
      run.unpacker = startWorker(sources[1]);
      var channel = new MessageChannel();
      run.unpacker.postMessage({ type: M.port, compile: Files.FETCH }, [channel.port1]);
      run.worker.postMessage({ type: M.port }, [channel.port2]);
      run.worker.onerror = run.unpacker.onerror = function (event) {
        event.preventDefault();
        hear({ type: M.error, reason: event.message });
      };
      run.worker.onmessage = run.unpacker.onmessage = function (event) { hear(event.data); };
      return Files.deliver(config, run.unpacker);
    });
    run.loaded.catch(function () {});  // the start that takes this run says why
    return run;
  }

  // One Python of this page. start() resolves when it is ready (with how it started) and rejects
  // with an error whose reason is reason_browser, reason_missing, reason_damaged, reason_failed
  // or reason_timeout. call() always settles: with Python's parsed answer, or with null when the
  // answer cannot be read or Python has stopped. onStop(detail) tells that a ready Python died.
  function Python(since) {
    this.limitMs = START_LIMIT_MS;
    this.since = since || 0;  // the limit counts from navigation, or from a restart
    this.run = null;  // the workers being started (see launch)
    this.ready = false;
    this.calls = 0;
    this.waiting = {};
    this.onStop = function () {};
  }

  Python.prototype.start = function () {
    var self = this;
    return new Promise(function (resolve, reject) {
      var settled = false;
      // The start rejects before the page tidies up: whatever goes wrong then, the page says
      // why it goes on without Python.
      function fail(error) {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        reject(error);
        self.terminate();
      }
      // The limit counts from navigation (or the restart), or from the last chunk that arrived.
      var deadline = null;
      function wait() {
        var from = Math.max(self.since, self.run ? self.run.arrived : 0);
        var end = Math.min(from + self.limitMs, self.since + START_CAP_MS);
        var left = end - performance.now();
        if (left > 0) deadline = setTimeout(wait, left);
        else fail(failure("reason_timeout", "no start within " + self.limitMs + " ms"));
      }
      wait();

      if (!supported()) {
        fail(failure("reason_browser", "no web workers, WebAssembly or TransformStream"));
        return;
      }
      if (!pageConfig) {
        fail(failure("reason_missing", "no runtime config on this page"));
        return;
      }
      // The page's first Python takes the run that began when this script was loaded.
      var run = self.run = early || launch(pageConfig);
      early = null;
      run.listen = function (message) {
        if (message.type === M.ready) {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          run.unpacker.terminate();
          self.ready = true;
          // When each step of the start was done, in ms since navigation (for make bench).
          var times = message.start.times || {};
          Object.keys(times).forEach(function (step) {
            times[step] = Math.round(times[step] - performance.timeOrigin);
          });
          resolve(message.start);
        } else if (message.type === M.need) {
          Files.deliver(pageConfig, run.unpacker, message.name).catch(fail);
        } else if (message.type === M.failed) {
          fail(failure(message.missing ? "reason_missing"
            : message.damaged ? "reason_damaged" : "reason_failed", message.reason));
        } else if (message.type === M.error) {
          if (self.ready) self.stop(message.reason);
          else fail(failure("reason_failed", message.reason));
        } else if (message.type === M.answer) {
          self.answer(message);
        }
      };
      run.heard.splice(0).forEach(run.listen);
      run.loaded.catch(function (error) {
        fail(error.reason ? error : failure("reason_failed", error.message));
      });
    });
  };

  Python.prototype.call = function (request) {
    var self = this;
    if (!this.ready) return Promise.resolve(null);
    var id = ++this.calls;
    return new Promise(function (resolve) {
      self.waiting[id] = resolve;
      setTimeout(function () {
        if (self.waiting[id]) self.stop("no answer within " + CALL_LIMIT_MS + " ms");
      }, CALL_LIMIT_MS);
      self.run.worker.postMessage({ type: M.call, id: id, request: JSON.stringify(request) });
    });
  };

  // One answer from the worker, parsed and checked, for the call that waits for it.
  Python.prototype.answer = function (message) {
    var resolve = this.waiting[message.id];
    if (!resolve) return;
    if (message.fatal) { this.stop(message.error); return; }
    delete this.waiting[message.id];
    var response = null;
    if (message.error === undefined) {
      try { response = JSON.parse(message.response); } catch (error) { response = null; }
    }
    if (!response || typeof response.ok !== "boolean") {
      console.warn("Thuiswijzer:", message.error || "an answer that cannot be read");
      response = null;
    } else if (response.detail) {
      console.warn("Thuiswijzer:", response.detail);
    }
    resolve(response);
  };

  // Python has stopped after it was ready: every waiting call settles, then the page is told.
  Python.prototype.stop = function (detail) {
    if (!this.ready) return;
    console.warn("Thuiswijzer: Python stopped:", detail);
    this.ready = false;
    this.terminate();
    var waiting = this.waiting;
    this.waiting = {};
    Object.keys(waiting).forEach(function (id) { waiting[id](null); });
    this.onStop(detail);
  };

  Python.prototype.terminate = function () {
    var run = this.run;
    if (!run) return;
    run.ended = true;
    if (run.worker) run.worker.terminate();
    if (run.unpacker) run.unpacker.terminate();
  };

  // A page that runs Python asks for its runtime when this script runs; the runtime's files come
  // once the page has loaded and painted (launch): they never compete with the page's own bytes
  // or hold up its largest paint, and the form is usable from the first paint.
  var early = pageConfig && supported() ? launch(pageConfig) : null;

  window.TwPython = { Python: Python, START_LIMIT_MS: START_LIMIT_MS };
})();
