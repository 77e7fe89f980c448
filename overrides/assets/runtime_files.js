// How the runtime's files reach Python's workers, for runtime.js: over http the unpacker worker
// fetches them as bytes, each checked by its integrity; from a double-clicked file:// page they
// come as classic data scripts (nothing else can read a file there), whose chunks go straight to
// the unpacker. And when: once the page has loaded and painted its content.
// Nothing here shows a word to the user: failures carry reasons (keys of the callers' texts).
(function () {
  "use strict";
  var M = window.TwContract.messages;
  // Over http: the runtime's files are fetched, not loaded as data scripts.
  var FETCH = /^https?:$/.test(location.protocol);
  var unpacker = null;  // the unpacker that takes the data scripts' chunks (see deliver)

  // Called by each runtime data script: __twRuntime(name, index, total, base64). The chunk goes
  // straight to the unpacker worker, so no long task ever holds the whole runtime on the page.
  // Over http the unpacker fetches the same chunks as bytes (see deliver).
  window.__twRuntime = function (name, index, total, data) {
    if (document.currentScript) document.currentScript.twRan = true;  // see loadScript
    unpacker.postMessage({ type: M.chunk, name: name, index: index, total: total, data: data });
  };

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

  // The workers' source: over http two files fetched as bytes (checked by their integrity; the
  // page never parses them), from file:// one data script that holds both as strings.
  function workerSources(config) {
    if (FETCH) {
      return Promise.all([config.workers.worker, config.workers.unpacker].map(function (file) {
        return fetchFile(config.base + file.url, file.integrity);
      }));
    }
    return loadScript(config.base + config.files[0]).then(function () {
      var sources = [window.__twWorkerSource, window.__twUnpackerSource];
      delete window.__twWorkerSource;
      delete window.__twUnpackerSource;
      return sources;
    });
  }

  // The runtime's files come once the page has loaded and painted its content: they never
  // compete with the page's own bytes or hold up its largest paint. A page that is not shown
  // paints nothing, so it does not wait for a paint.
  function pageShown() {
    var loaded = document.readyState === "complete" ? Promise.resolve() : new Promise(function (go) {
      window.addEventListener("load", function () { go(); }, { once: true });
    });
    return loaded.then(function () {
      var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      var type = ["largest-contentful-paint", "paint"].filter(function (t) {
        return types.indexOf(t) >= 0;
      })[0];
      if (!type || document.hidden) return null;
      return new Promise(function (go) {
        var observer = new PerformanceObserver(function () { observer.disconnect(); go(); });
        observer.observe({ type: type, buffered: true });
        document.addEventListener("visibilitychange", function () { go(); }, { once: true });
      });
    });
  }

  // The runtime's bytes, to this unpacker: over http it fetches every chunk itself (the page
  // does no work while they arrive; a file it cannot have is Python's worker's to report); from
  // file:// every data script after the workers' one. Without a name: every file but those only
  // a normal start needs (config.later); with one: that file, when Python's worker asks.
  function deliver(config, target, name) {
    function wanted(file) {
      return name ? file === name : config.later.indexOf(file) < 0;
    }
    if (FETCH) {
      var files = {};
      Object.keys(config.fetch).filter(wanted).forEach(function (file) {
        files[file] = config.fetch[file];
      });
      target.postMessage({ type: M.fetch, base: config.base, from: location.href, files: files });
      return Promise.resolve();
    }
    unpacker = target;
    return Promise.all(config.files.slice(1).filter(function (file) {
      return wanted(file.slice(0, file.indexOf("-")));
    }).map(function (file) {
      return loadScript(config.base + file).catch(function (error) {
        // Without its snapshot Python still starts, only slower.
        if (file.indexOf("snapshot-") !== 0) throw error;
        target.postMessage({ type: M.missing, name: "snapshot" });
      });
    }));
  }

  window.TwRuntimeFiles = {
    FETCH: FETCH, failure: failure, pageShown: pageShown, workerSources: workerSources,
    deliver: deliver,
  };
})();
