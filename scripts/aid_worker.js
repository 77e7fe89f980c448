// Thuiswijzer aid worker: starts Pyodide and answers the loader's requests.
// build_runtime.py bundles this file with Pyodide's loader and Emscripten module into one
// classic worker script, which the page starts from a blob: URL (this works over http and
// from a double-clicked file://, where module workers and fetch are blocked).
// The worker never touches the network: every file Pyodide asks for is answered from what it
// was handed. The runtime's files come whole from the unpacker (aid_unpacker.js), a second
// worker, over a port the page hands to both. Over http the wasm comes compiled (the unpacker
// compiles it while its bytes arrive).
// build_runtime.py puts before this file: TW_LOCK (a minimal lock file) and TW_RUNTIME (each
// runtime file's size; the snapshot's build id; each of the wheel's files, its path and size).
var M = TW_MESSAGES;  // the message types (aids/contract.py), the source's first line
"use strict";

// Pyodide refuses classic workers when it sees importScripts; its module is bundled here,
// so nothing needs importing. This must run before Pyodide's loader below is evaluated.
self.importScripts = undefined;

var twHandle = null;
var twFiles = {};
var twNormal = false;  // a normal start: Python imports from the standard library
// The standard library a restored snapshot gets: an empty zip. The snapshot holds every module
// the aids import, and build_runtime.py ships only those (LATER): it is sent for a normal start.
var TW_EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
// When each step of the start was done (ms since 1970, as the page can compare): for make bench.
var twTimes = {};

function twTime(step) {
  twTimes[step] = performance.timeOrigin + performance.now();
}

// A runtime file: resolves with its bytes once the unpacker has it all (or the compiled wasm).
function twFile(name) {
  if (!twFiles[name]) {
    var file = twFiles[name] = {};
    file.data = new Promise(function (resolve, reject) {
      file.resolve = resolve;
      file.reject = reject;
    });
    file.data.catch(function () {});  // whoever needs the file sees the error
  }
  return twFiles[name];
}

function twReceive(event) {
  var message = event.data;
  if (!twFiles || message.type !== M.file) return;  // Python runs: late files (of a refused snapshot) are dropped
  if (message.error) {
    twFile(message.name).reject(new Error(message.error));
    // Without this file Python cannot start (only the snapshot has a fallback). Say so now:
    // Pyodide may never settle after a wasm it could not instantiate.
    if (message.name !== "snapshot") {
      self.postMessage({ type: M.failed, damaged: !message.missing, missing: Boolean(message.missing),
                         reason: message.name + ": " + message.error });
    }
  } else {
    twFile(message.name).resolve(message.data);
  }
}

// The snapshot's bytes, checked; or an error that says why they cannot be used.
async function twSnapshot() {
  var bytes = await twFile("snapshot").data;
  var header = new DataView(bytes.buffer, bytes.byteOffset, 48);
  var id = "";
  for (var i = 0; i < 8; i++) id += header.getUint32(16 + 4 * i, true).toString(16).padStart(8, "0");
  if (header.getUint32(0, true) !== 0x706e7300 || id !== TW_RUNTIME.snapshot.build_id) {
    throw new Error("snapshot of another runtime build");
  }
  twTime("snapshot");
  return bytes;
}

// With a snapshot, Pyodide gets an empty buffer of the snapshot's size at once (it sizes the
// heap by it) and builds the module (compiles the wasm, sets up the file system) while the
// snapshot still arrives. The module is handed over once the snapshot is complete and checked,
// and restores from the bytes as they came: the 31 MB are not copied into that buffer first.
function twLoad(snapshot, checked) {
  var options = {
    indexURL: "tw-runtime:/",
    createPyodideModule: _createPyodideModule,
    lockFileContents: TW_LOCK,
    stdout: function () {},
    stderr: function (line) { console.warn(line); },
  };
  if (snapshot) {
    options._loadSnapshot = snapshot;
    options.createPyodideModule = async function (settings) {
      var module = await _createPyodideModule(settings);
      twTime("module");
      var bytes = await checked;
      var restore = module.API.restoreSnapshot;  // build_runtime.py checks it is there
      module.API.restoreSnapshot = function () { return restore(bytes); };
      return module;
    };
  }
  return loadPyodide(options);
}

// Pyodide instantiates the wasm it was handed: compiled over http, its bytes from file://.
WebAssembly.instantiateStreaming = async function (response, imports) {
  twTime("asked");
  var wasm = await twFile("wasm").data;
  twTime("wasm");
  if (!(wasm instanceof WebAssembly.Module)) return WebAssembly.instantiate(wasm, imports);
  return { module: wasm, instance: await WebAssembly.instantiate(wasm, imports) };
};

// The aids' files, written where Pyodide unpacks a wheel (its working directory), as when the
// snapshot was made. The build ships them one after another, with each one's path and size:
// there is no zip for Python to read.
function twWriteWheel(fs, bytes) {
  var offset = 0;
  TW_RUNTIME.wheel.forEach(function (entry) {
    var path = entry[0];
    if (path.indexOf("/") > 0) fs.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    fs.writeFile(path, bytes.subarray(offset, offset += entry[1]));
  });
}

// Restore the snapshot if it is sound; otherwise (or if restoring fails) start Python normally.
// Either way the result is the same: only the time differs. Pyodide starts at once and waits
// for the files it asks for, so its own set-up overlaps with their arrival.
async function twStart() {
  twTime("loaded");
  var served = { "pyodide.asm.wasm": "wasm", "python_stdlib.zip": "stdlib" };
  // Answer Pyodide's own requests from memory; refuse anything else.
  self.fetch = async function (url) {
    var name = String(url).split("/").pop();
    if (!(name in served)) throw new Error("Thuiswijzer: geen netwerk in de worker (" + name + ")");
    // Pyodide's instantiateStreaming (above) never reads this answer for the wasm.
    if (served[name] === "wasm") return new Response(null);
    var headers = { headers: { "Content-Type": "application/zip" } };
    if (!twNormal) return new Response(TW_EMPTY_ZIP, headers);
    if (!twFiles.stdlib) self.postMessage({ type: M.need, name: "stdlib" });
    return new Response(await twFile("stdlib").data, headers);
  };
  var pyodide = null;
  var start = { from: "snapshot", reason: "" };
  try {
    var snapshot = new Uint8Array(TW_RUNTIME.files.snapshot.size);
    var checked = twSnapshot();
    checked.catch(function () {});  // awaited while Pyodide builds its module
    pyodide = await twLoad(snapshot, checked);
    // The snapshot froze the state of random: every page would draw the same numbers.
    pyodide.runPython("import random\nrandom.seed()");
  } catch (error) {
    start = { from: "normal", reason: String(error && error.message || error) };
    console.warn("Thuiswijzer: normal start, the snapshot was not used: " + start.reason);
    twNormal = true;
    pyodide = await twLoad(null);
  }
  twTime("python");
  // The snapshot holds the imported modules, not the files: write them either way.
  twWriteWheel(pyodide.FS, await twFile("wheel").data);
  twHandle = pyodide.pyimport("aids.web").handle;
  twFiles = null;  // Python has its own copies now
  twTime("ready");
  start.times = twTimes;
  return start;
}

// Start once this whole bundle has run: Pyodide's loader comes after this file.
Promise.resolve().then(twStart).then(function (start) {
  self.postMessage({ type: M.ready, start: start });
}, function (error) {
  self.postMessage({ type: M.failed, reason: String(error && error.message || error) });
});

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === M.port) {
    event.ports[0].onmessage = twReceive;
  } else if (message.type === M.call) {
    try {
      self.postMessage({ type: M.answer, id: message.id, response: twHandle(message.request) });
    } catch (error) {
      // The page shows its own Dutch words and logs this detail. An error that is not Python's
      // own means the runtime itself failed: the page offers to start it again.
      self.postMessage({ type: M.answer, id: message.id, error: String(error && error.message || error),
                         fatal: !(error && error.constructor && error.constructor.name === "PythonError") });
    }
  }
};
