// Opens a training case in an aid when the URL says #casus=<id>. The case's family file comes from
// a classic script made at build time (assets/casussen/<id>.js), so this works over http and from a
// double-clicked file://, with no fetch and nothing stored. The file goes in through the aid's own
// "open a saved file" control: the same path as a family file the user picks.
(function () {
  "use strict";

  var match = /^#casus=([a-z0-9-]+)$/.exec(window.location.hash);
  var form = document.querySelector("form.aid[data-aid]");
  var self = document.currentScript;
  if (!match || !form || !self) return;
  var caseId = match[1];
  var aidId = form.getAttribute("data-aid");

  function whenReady(then) {
    if (form.getAttribute("data-state") === "ready") { then(); return; }
    var observer = new MutationObserver(function () {
      if (form.getAttribute("data-state") !== "ready") return;
      observer.disconnect();
      then();
    });
    observer.observe(form, { attributes: true, attributeFilter: ["data-state"] });
  }

  function open(text) {
    var input = form.querySelector("[data-aid-import]");
    var transfer = new DataTransfer();
    transfer.items.add(new File([text], "casus-" + caseId + "-" + aidId + ".json",
                                { type: "application/json" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  var script = document.createElement("script");
  script.src = new URL("casussen/" + caseId + ".js", self.src).href;
  script.onload = function () {
    var file = (window.__twCases || {})[caseId];
    if (typeof file === "string") whenReady(function () { open(file); });
  };
  document.head.appendChild(script);
})();
