// The group overview: the trainer opens the saved files of all groups at once, and Python (in a
// worker, runtime.js, as on an aid page) puts them side by side. The files are read in this page only: nothing
// is sent anywhere or stored. The words shown come from the page (made at build time) and from
// Python, which takes them from the content.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var MAX_FILES = 12;

  var form = document.querySelector(S.overview);
  if (!form) return;
  var texts = JSON.parse(form.getAttribute(A.words));
  var python = null;
  var status = form.querySelector(S.overviewStatus);
  var input = form.querySelector(S.overviewFiles);
  var drop = form.querySelector(S.overviewDrop);
  var output = form.querySelector(S.overviewOutput);
  var names = form.querySelector(S.overviewNames);
  var differences = form.querySelector(S.overviewDifferences);
  var restart = null;

  // What the trainer chose to see: the groups' names hidden, only the questions where groups
  // differ. The projector mode (assets/projector.js) steps through what is shown.
  function view() {
    output.classList.toggle("tw-overview--anonymous", names.checked);
    output.classList.toggle("tw-overview--differences", differences.checked);
    document.dispatchEvent(new CustomEvent("tw-overview-view"));
  }

  function shown(on) {
    document.documentElement.classList.toggle("tw-overview-shown", on);
    document.dispatchEvent(new CustomEvent("tw-overview-shown"));
  }

  function state(name, message) {
    form.setAttribute(A.overview, name);
    status.textContent = message;
    if (restart) { restart.remove(); restart = null; }
  }

  function read(file) {
    return TwFileCheck.read(file).then(function (read) {
      return read.problem ? { name: file.name, problem: texts["file_" + read.problem] }
        : { name: file.name, text: read.text };
    });
  }

  function show(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (form.getAttribute(A.overview) !== "ready") return;
    if (!files.length) { status.textContent = texts.no_files; return; }
    if (files.length > MAX_FILES) {
      status.textContent = texts.too_many.replace("{max}", MAX_FILES);
      return;
    }
    output.innerHTML = "";  // the overview shown is of other files: it goes, whatever comes now
    shown(false);
    Promise.all(files.map(read)).then(function (items) {
      return python.call({ op: "overview", files: items });
    }).then(function (response) {
      if (!python.ready) return;  // it stopped: onStop has said so
      if (!response || !response.ok) { status.textContent = texts.sorry; return; }
      output.innerHTML = response.html;  // built and escaped by Python
      status.textContent = texts.done.replace("{count}", files.length);
      output.focus();
      shown(Boolean(output.querySelector(S.screen)));
    });
  }

  function forget() {
    input.value = "";
    output.innerHTML = "";
    shown(false);
  }

  // Python could not start (unavailable) or stopped, perhaps on a file (stopped): the page says
  // so and offers to start it again.
  function offerRestart(message) {
    forget();
    input.disabled = true;
    state("unavailable", message);
    restart = document.createElement("button");
    restart.type = "button";
    restart.className = "md-button";
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
      if (input.files.length) show(input.files);
    }, function (error) {
      console.warn("Thuiswijzer:", error.message);
      offerRestart(texts.unavailable);
    });
  }

  start();
  view();
  names.addEventListener("change", view);
  differences.addEventListener("change", view);
  input.addEventListener("change", function () { show(input.files); });
  drop.addEventListener("dragover", function (event) {
    event.preventDefault();
    drop.classList.add("tw-overview-drop--over");
  });
  drop.addEventListener("dragleave", function () { drop.classList.remove("tw-overview-drop--over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("tw-overview-drop--over");
    show(event.dataTransfer.files);
  });
  form.querySelector(S.overviewPrint).addEventListener("click", function () {
    window.print();
  });
  // On paper every text is whole: shortened texts open for printing and close again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(output.querySelectorAll("details:not([open])"),
      function (details) { details.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
  form.querySelector(S.overviewClear).addEventListener("click", function () {
    forget();
    status.textContent = form.getAttribute(A.overview) === "ready" ? texts.ready : status.textContent;
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // The groups' answers do not come back after leaving the page: not with Back, not from the
  // back-forward cache.
  window.addEventListener("pagehide", forget);
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    forget();
    if (form.getAttribute(A.overview) === "ready") status.textContent = texts.ready;
  });
})();
