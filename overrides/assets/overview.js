// The group overview: the trainer opens the saved files of all groups at once, and Python (in a
// worker, runtime.js, as on an aid page) puts them side by side. The files are read in this page only: nothing
// is sent anywhere or stored. The words shown come from the page (made at build time) and from
// Python, which takes them from the content.
(function () {
  "use strict";

  var MAX_FILES = 12;

  var form = document.querySelector("[data-tw-overview]");
  if (!form) return;
  var texts = JSON.parse(form.getAttribute("data-texts"));
  var python = new TwPython.Python();
  var status = form.querySelector("[data-tw-overview-status]");
  var input = form.querySelector("[data-tw-overview-files]");
  var drop = form.querySelector("[data-tw-overview-drop]");
  var output = form.querySelector("[data-tw-overview-output]");

  function state(name, message) {
    form.setAttribute("data-tw-overview", name);
    status.textContent = message;
  }

  function read(file) {
    return TwPython.readFile(file).then(function (read) {
      return read.problem ? { name: file.name, problem: texts[read.problem] }
        : { name: file.name, text: read.text };
    });
  }

  function show(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (form.getAttribute("data-tw-overview") !== "ready") return;
    if (!files.length) { status.textContent = texts.no_files; return; }
    if (files.length > MAX_FILES) {
      status.textContent = texts.too_many.replace("{max}", MAX_FILES);
      return;
    }
    Promise.all(files.map(read)).then(function (items) {
      return python.call({ op: "overview", files: items });
    }).then(function (response) {
      if (!response || !response.ok) { status.textContent = texts.sorry; return; }
      output.innerHTML = response.html;  // built and escaped by Python
      status.textContent = texts.done.replace("{count}", files.length);
      output.focus();
    });
  }

  python.onStop = function () { state("unavailable", texts.unavailable); };
  python.start().then(function () {
    state("ready", texts.ready);
    if (input.files.length) show(input.files);
  }, function (error) {
    console.warn("Thuiswijzer:", error.message);
    state("unavailable", texts.unavailable);
  });

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
  form.querySelector("[data-tw-overview-print]").addEventListener("click", function () {
    window.print();
  });
  form.querySelector("[data-tw-overview-clear]").addEventListener("click", function () {
    input.value = "";
    output.innerHTML = "";
    status.textContent = form.getAttribute("data-tw-overview") === "ready" ? texts.ready : status.textContent;
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
