// On every page the theme's search worker waits until someone goes to the search field.
// Loaded before the theme's scripts, so that the theme makes its worker through this hold.
(function () {
  "use strict";

  // The theme's search builds its index in a worker as each page opens: more than half a second
  // of one core on every page, used or not, and on an aid page while Python needs both cores to
  // start. So the theme's workers (made after this script) start as soon as someone goes to the
  // search field; until then their messages wait. The index takes under a second to build.
  var ThemeWorker = window.Worker;
  var heldWorkers = [];
  var searchReleased = false;

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
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest(".md-search")) releaseSearch();
    });
  }
})();
