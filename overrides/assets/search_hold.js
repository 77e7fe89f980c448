// On every page the theme's search worker, and its request for the search index, wait until
// someone goes to the search field. Loaded before the theme's scripts, so that the theme makes
// its worker and its request through this hold.
(function () {
  "use strict";

  // The theme's search fetches its index (1.3 MB) and builds it in a worker as each page opens:
  // more than half a second of one core on every page, used or not, and on an aid page while
  // Python needs both cores to start. So the theme's workers (made after this script) start as
  // soon as someone goes to the search field, and the index is asked for then; until then their
  // messages wait. The index takes under a second to build.
  var ThemeWorker = window.Worker;
  var heldWorkers = [];
  var heldRequests = [];
  var searchReleased = false;
  var INDEX = /\/search\/search_index\.json$/;

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;

  // The theme asks for the index with XMLHttpRequest (over http; from file:// it loads a script).
  function holdIndexRequests() {
    XMLHttpRequest.prototype.open = function (method, url) {
      this.twIndex = INDEX.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      if (this.twIndex && !searchReleased) heldRequests.push([this, arguments]);
      else return send.apply(this, arguments);
    };
  }

  function HeldWorker(url, options) {
    var proxy = new EventTarget();
    var waiting = [];
    var worker = null;
    proxy.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else if (waiting) waiting.push(message);
    };
    proxy.terminate = function () {
      if (worker) worker.terminate();
      waiting = null;
    };
    proxy.start = function () {
      if (worker || !waiting) return;
      worker = new ThemeWorker(url, options);
      worker.addEventListener("message", function (event) {
        proxy.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      waiting.forEach(function (message) { worker.postMessage(message); });
      waiting = [];
    };
    if (searchReleased) proxy.start();
    else heldWorkers.push(proxy);
    return proxy;
  }

  // A search worker that cannot be made (a policy, an old browser) stays without: the search
  // does not work, but nothing else stops.
  function releaseSearch() {
    searchReleased = true;
    heldRequests.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
    heldWorkers.splice(0).forEach(function (proxy) {
      try {
        proxy.start();
      } catch (error) {
        console.warn("Thuiswijzer: no search worker:", error && error.message);
      }
    });
  }

  if (typeof ThemeWorker === "function" && typeof EventTarget === "function") {
    window.Worker = HeldWorker;
    holdIndexRequests();
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest(".md-search")) releaseSearch();
    });
  }
})();
