// Opens a training case in an aid when the URL says #casus=<id>. The case's family file comes from
// a classic script made at build time (assets/casussen/<id>.js), so this works over http and from a
// double-clicked file://, with no fetch and nothing stored. The file goes in through the aid's own
// "open a saved file" control: the same path as a family file the user picks.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var match = /^#casus=(.*)$/.exec(window.location.hash);
  var form = document.querySelector("form.aid" + S.aid);
  var self = document.currentScript;
  if (!match || !form || !self) return;
  var caseId = match[1];
  var aidId = form.getAttribute(A.aid);

  // The aid says each change of its state as an event (aid.js, "tw-aid-state").
  function whenReady(then) {
    if (window.TwAid && window.TwAid.state() === "ready") { then(); return; }
    document.addEventListener(C.events.state, function ready(event) {
      if (event.detail.aid !== aidId || event.detail.state !== "ready") return;
      document.removeEventListener(C.events.state, ready);
      then();
    });
  }

  function open(text) {
    var input = form.querySelector(S["import"]);
    var transfer = new DataTransfer();
    transfer.items.add(new File([text], "casus-" + caseId + "-" + aidId + ".json",
                                { type: "application/json" }));
    input.files = transfer.files;
    input.setAttribute(A.casus, caseId);  // the aid opens it on its first step
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // A case that does not exist (a mistyped or old link) is said, not ignored: once the aid is
  // ready, under its status. The words come from the aid's page (interface.toml).
  function unknown() {
    whenReady(function () {
      var texts = JSON.parse(document.querySelector("script" + S.texts).textContent);
      var note = document.createElement("p");
      note.className = "aid-error";
      note.setAttribute(A.casusUnknown, "");
      note.textContent = texts.casus_unknown;
      form.querySelector(S.status).appendChild(note);
    });
  }

  if (!/^[a-z0-9-]+$/.test(caseId)) { unknown(); return; }
  var script = document.createElement("script");
  script.src = new URL("casussen/" + caseId + ".js", self.src).href;
  script.onload = function () {
    var file = (window.__twCases || {})[caseId];
    if (typeof file === "string") whenReady(function () { open(file); });
    else unknown();
  };
  script.onerror = unknown;
  document.head.appendChild(script);
})();
