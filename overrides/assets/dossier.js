// The case-file document: the professional opens a family file, Python (in a worker, runtime.js)
// makes one document of every aid's part, and the browser prints it. The file is read in this
// page only: nothing is sent anywhere or stored. The words shown come from the page.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var form = document.querySelector(S.caseFile);
  if (!form) return;
  var texts = JSON.parse(form.getAttribute(A.words));
  var python = null;
  var status = form.querySelector(S.caseFileStatus);
  var input = form.querySelector(S.caseFileInput);
  var actions = form.querySelector(".tw-case-file-actions");
  var output = form.querySelector(S.caseFileOutput);
  var restart = null;

  function state(name, message) {
    form.setAttribute(A.caseFile, name);
    status.textContent = message;
    if (restart) { restart.remove(); restart = null; }
  }

  function clear() {
    output.innerHTML = "";
    actions.hidden = true;
  }

  function show() {
    var file = input.files && input.files[0];
    clear();
    if (!file || !python.ready) return;
    TwFileCheck.read(file).then(function (read) {
      if (read.problem) { state("ready", texts["file_" + read.problem]); return; }
      python.call({ op: "document", text: read.text, now: new Date().toISOString() })
        .then(function (response) {
          if (!python.ready) return;  // it stopped: onStop has said so
          if (!response) { state("ready", texts.sorry); return; }
          if (!response.ok) { state("ready", response.message || texts.sorry); return; }
          output.innerHTML = response.html;  // built and escaped by Python
          actions.hidden = false;
          state("ready", texts.done);
          // The title takes focus, not the whole document: printing at once shows no focus ring.
          (output.querySelector(".tw-doc-title") || output).focus();
        });
    });
  }

  // Python could not start (message: unavailable) or stopped, perhaps on a file (stopped):
  // the page says so and offers to start it again.
  function offerRestart(message) {
    input.disabled = true;
    input.value = "";
    clear();
    state("unavailable", message);
    restart = document.createElement("button");
    restart.type = "button";
    restart.className = "aid-button";
    restart.setAttribute(A.restartPython, "");
    restart.textContent = texts.restart;
    restart.addEventListener("click", function () {
      state("loading", texts.restarting);
      start(performance.now());
    });
    status.parentNode.insertBefore(restart, status.nextSibling);
  }

  // since: the start limit counts from navigation, or from a restart.
  function start(since) {
    python = new TwPython.Python(since);
    python.onStop = function () { offerRestart(texts.stopped); };
    python.start().then(function () {
      input.disabled = false;
      state("ready", texts.ready);
    }, function (error) {
      console.warn("Thuiswijzer:", error.message);
      offerRestart(texts.unavailable);
    });
  }

  start();
  input.addEventListener("change", show);
  form.querySelector(S.caseFilePrint).addEventListener("click", function () {
    window.print();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // The document is the family's: it does not come back after leaving the page.
  window.addEventListener("pagehide", function () {
    input.value = "";
    clear();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && python.ready) state("ready", texts.ready);
  });
})();
