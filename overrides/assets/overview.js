// The group overview: the trainer opens the saved files of all groups at once, and Python (in a
// worker, as on an aid page) puts them side by side. The files are read in this page only: nothing
// is sent anywhere or stored. The words shown come from the page (made at build time) and from
// Python, which takes them from the content.
(function () {
  "use strict";

  var START_LIMIT_MS = 20000;
  var MAX_FILES = 12;
  var MAX_FILE_BYTES = 1000000;
  var MAX_FILE_DEPTH = 20;
  var NativeWorker = window.__twNativeWorker || window.Worker;

  var form = document.querySelector("[data-tw-overview]");
  var config = document.querySelector("script[data-tw-runtime]");
  if (!form || !config) return;
  var texts = JSON.parse(form.getAttribute("data-texts"));
  var runtime = JSON.parse(config.textContent);
  var status = form.querySelector("[data-tw-overview-status]");
  var input = form.querySelector("[data-tw-overview-files]");
  var drop = form.querySelector("[data-tw-overview-drop]");
  var output = form.querySelector("[data-tw-overview-output]");
  var worker = null;
  var waiting = {};
  var calls = 0;

  function state(name, message) {
    form.setAttribute("data-tw-overview", name);
    status.textContent = message;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(script);
    });
  }

  // Depth of JSON text without parsing it, so a hostile file never reaches a parser.
  function jsonDepth(source) {
    var deepest = 0, level = 0, inString = false, escaped = false;
    for (var i = 0; i < source.length; i++) {
      var c = source[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "[" || c === "{") deepest = Math.max(deepest, ++level);
      else if (c === "]" || c === "}") level--;
    }
    return deepest;
  }

  function call(request) {
    var id = ++calls;
    return new Promise(function (resolve) {
      waiting[id] = resolve;
      worker.postMessage({ type: "call", id: id, request: JSON.stringify(request) });
    });
  }

  function read(file) {
    if (file.size > MAX_FILE_BYTES) return Promise.resolve({ name: file.name, problem: texts.too_big });
    return file.text().then(function (text) {
      if (jsonDepth(text) > MAX_FILE_DEPTH) return { name: file.name, problem: texts.too_deep };
      return { name: file.name, text: text };
    }, function () { return { name: file.name, problem: texts.unreadable }; });
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
      return call({ op: "overview", files: items });
    }).then(function (response) {
      if (!response.ok) { status.textContent = texts.sorry; return; }
      output.innerHTML = response.html;  // built and escaped by Python
      status.textContent = texts.done.replace("{count}", files.length);
      output.focus();
    });
  }

  function start() {
    var deadline = setTimeout(function () { fail(); }, START_LIMIT_MS);
    function fail() {
      clearTimeout(deadline);
      if (worker) worker.terminate();
      state("unavailable", texts.unavailable);
    }
    if (typeof NativeWorker !== "function" || typeof WebAssembly !== "object" ||
        typeof DecompressionStream !== "function") { fail(); return; }
    // As on an aid page: first the worker, then the data scripts, which hand it their chunks.
    window.__twRuntime = function (name, index, total, data) {
      worker.postMessage({ type: "chunk", name: name, index: index, total: total, data: data });
    };
    loadScript(runtime.base + runtime.files[0]).then(function () {
      var source = new Blob([window.__twWorkerSource], { type: "text/javascript" });
      delete window.__twWorkerSource;
      worker = new NativeWorker(URL.createObjectURL(source));
      worker.onerror = function (event) { event.preventDefault(); fail(); };
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === "ready") {
          clearTimeout(deadline);
          state("ready", texts.ready);
          if (input.files.length) show(input.files);
        } else if (message.type === "failed") {
          fail();
        } else if (message.type === "answer" && waiting[message.id]) {
          var resolve = waiting[message.id];
          delete waiting[message.id];
          resolve(JSON.parse(message.response));
        }
      };
      return Promise.all(runtime.files.slice(1).map(function (file) {
        return loadScript(runtime.base + file);
      }));
    }).catch(fail);
  }

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
  start();
})();
