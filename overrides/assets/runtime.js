// Thuiswijzer's Python in the browser, shared by every page that runs it (aid pages, the group
// overview, the case-file document). It loads the workers' source as a classic script, so it
// works over http and from a double-clicked file:// page; starts Python in a blob worker, so the
// page never freezes; and unpacks the runtime in a second worker. From file:// the runtime's
// bytes come in data scripts (nothing else can read a file there); over http it fetches them
// as bytes. The runtime starts loading as soon as this script runs, before the theme's scripts
// and the page's own; the page's first Python takes over that run. Requests and answers are
// JSON strings.
// Nothing here shows a word to the user: callers get reasons (keys of their own texts).
// Beside it, with one job each: file_check.js (reads a file the user opens, within the limits).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel, M = C.messages;

  // A running Python answers in milliseconds; no answer for this long means it has stopped.
  var CALL_LIMIT_MS = 10000;
  // Python must be ready this long after navigation (or a restart), or the page goes on without.
  var START_LIMIT_MS = 20000;
  var NativeWorker = window.__twNativeWorker || window.Worker;
  var unpacker = null;
  // Over http: the runtime's files are fetched, not loaded as data scripts.
  var FETCH = /^https?:$/.test(location.protocol);

  // Called by each runtime data script: __twRuntime(name, index, total, base64). The chunk goes
  // straight to the unpacker worker, so no long task ever holds the whole runtime on the page.
  // Over http the same chunks come fetched, as bytes (see fetchFiles).
  window.__twRuntime = function (name, index, total, data) {
    if (document.currentScript) document.currentScript.twRan = true;  // see loadScript
    unpacker.postMessage({ type: M.chunk, name: name, index: index, total: total, data: data });
  };

  // A worker that cannot be made (blocked by a policy, Trusted Types, an old browser) is a
  // browser that does not let Python run.
  function startWorker(source) {
    try {
      return new NativeWorker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    } catch (error) {
      throw failure("reason_browser", "no worker: " + (error && error.message));
    }
  }

  function failure(reason, detail) {
    var error = new Error(detail);
    error.reason = reason;
    return error;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        // A file cut short or damaged loads but does not run to its end: it never registers.
        if (script.twRan || typeof window.__twWorkerSource === "string") resolve();
        else reject(failure("reason_damaged", "damaged runtime file: " + src));
      };
      script.onerror = function () {
        reject(failure("reason_missing", "missing runtime file: " + src));
      };
      document.head.appendChild(script);
    });
  }

  // Over http: one runtime file's bytes, checked by its integrity. A file that fails its check
  // is damaged; a missing one fails the check too, so the server is asked once more.
  function fetchFile(url, integrity) {
    return fetch(url, { integrity: integrity }).then(function (response) {
      if (!response.ok) throw failure("reason_missing", "missing runtime file: " + url);
      return response.arrayBuffer();
    }, function () {
      return fetch(url, { method: "HEAD" }).catch(function () { return { ok: false }; })
        .then(function (response) {
          if (response.ok) throw failure("reason_damaged", "damaged runtime file: " + url);
          throw failure("reason_missing", "missing runtime file: " + url);
        });
    });
  }

  // Over http: every chunk of every runtime file fetched at once, each handed to the unpacker as
  // it arrives (as a buffer: not every browser can hand over a stream). Small chunks keep each
  // task on the page short. Without its snapshot Python still starts, only slower.
  function fetchFiles(files, base, target) {
    return Promise.all(Object.keys(files).map(function (name) {
      var total = files[name].length;
      return Promise.all(files[name].map(function (chunk, index) {
        return fetchFile(base + chunk.url, chunk.integrity).then(function (data) {
          target.postMessage({ type: M.chunk, name: name, index: index, total: total, data: data },
                             [data]);
        });
      })).catch(function (error) {
        if (name !== "snapshot") throw error;
        target.postMessage({ type: M.missing, name: name, error: error.message });
      });
    }));
  }

  function supported() {
    return typeof NativeWorker === "function" && typeof WebAssembly === "object" &&
      typeof DecompressionStream === "function";
  }

  // The page's own files are in and its first paints done: the load event has fired.
  function pageLoaded() {
    if (document.readyState === "complete") return Promise.resolve();
    return new Promise(function (resolve) {
      window.addEventListener("load", function () { resolve(); }, { once: true });
    });
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
    var run = { worker: null, unpacker: null, heard: [], listen: null, ended: false };
    function hear(message) {
      if (run.listen) run.listen(message);
      else run.heard.push(message);
    }
    var files = config.files;
    run.loaded = pageLoaded().then(function () {
      return run.ended ? null : loadScript(config.base + files[0]);
    }).then(function () {
      if (run.ended) return null;
      run.worker = startWorker(window.__twWorkerSource);
      run.unpacker = unpacker = startWorker(window.__twUnpackerSource);
      delete window.__twWorkerSource;
      delete window.__twUnpackerSource;
      var channel = new MessageChannel();
      run.unpacker.postMessage({ type: M.port, compile: FETCH }, [channel.port1]);
      run.worker.postMessage({ type: M.port }, [channel.port2]);
      run.worker.onerror = run.unpacker.onerror = function (event) {
        event.preventDefault();
        hear({ type: M.error, reason: event.message });
      };
      run.worker.onmessage = function (event) { hear(event.data); };
      if (FETCH) return fetchFiles(config.fetch, config.base, run.unpacker);
      return Promise.all(files.slice(1).map(function (file) {
        return loadScript(config.base + file).catch(function (error) {
          // Without its snapshot Python still starts, only slower.
          if (file.indexOf("snapshot-") !== 0) throw error;
          run.unpacker.postMessage({ type: M.missing, name: "snapshot" });
        });
      }));
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
      var deadline = setTimeout(function () {
        fail(failure("reason_timeout", "no start within " + self.limitMs + " ms"));
      }, Math.max(0, self.limitMs - (performance.now() - self.since)));

      if (!supported()) {
        fail(failure("reason_browser", "no web workers, WebAssembly or DecompressionStream"));
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
        } else if (message.type === M.failed) {
          fail(failure(message.damaged ? "reason_damaged" : "reason_failed", message.reason));
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

  // A page that runs Python asks for its runtime when this script runs, and the runtime's files
  // come once the page itself has loaded (launch): they never compete with the page's own bytes
  // or hold up its first paints, and the form is usable from the first paint.
  var early = pageConfig && supported() ? launch(pageConfig) : null;

  window.TwPython = { Python: Python, START_LIMIT_MS: START_LIMIT_MS };
})();
