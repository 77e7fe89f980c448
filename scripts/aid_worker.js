// Thuiswijzer aid worker: starts Pyodide and answers the loader's requests.
// build_runtime.py bundles this file with Pyodide's loader and Emscripten module into one
// classic worker script, which the page starts from a blob: URL (this works over http and
// from a double-clicked file://, where module workers and fetch are blocked).
// The worker never touches the network: every file Pyodide asks for is answered from bytes
// the page handed over.
"use strict";

// Pyodide refuses classic workers when it sees importScripts; its module is bundled here,
// so nothing needs importing. This must run before Pyodide's loader below is evaluated.
self.importScripts = undefined;

var twHandle = null;

function twBytes(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  var binary = atob(base64);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function twGunzip(bytes) {
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function twStart(payload) {
  var files = {
    "pyodide.asm.wasm": await twGunzip(twBytes(payload.wasm)),
    "python_stdlib.zip": twBytes(payload.stdlib),
  };
  var wheel = twBytes(payload.wheel);
  // Answer Pyodide's own requests from memory; refuse anything else.
  self.fetch = async function (url) {
    var name = String(url).split("/").pop();
    if (!(name in files)) throw new Error("Thuiswijzer: geen netwerk in de worker (" + name + ")");
    var type = name.endsWith(".wasm") ? "application/wasm" : "application/zip";
    return new Response(files[name], { headers: { "Content-Type": type } });
  };
  var pyodide = await loadPyodide({
    indexURL: "tw-runtime:/",
    createPyodideModule: _createPyodideModule,
    lockFileContents: TW_LOCK,
    stdout: function () {},
    stderr: function (line) { console.warn(line); },
  });
  pyodide.unpackArchive(wheel, "wheel");
  twHandle = pyodide.pyimport("aids.web").handle;
}

// The page sends the runtime in chunks as its data scripts arrive; start once all are here.
var twChunks = {};
var twNeeded = ["wasm", "stdlib", "wheel"];

function twComplete(name) {
  var parts = twChunks[name];
  return Boolean(parts) && parts.every(function (p) { return typeof p === "string"; });
}

self.onmessage = async function (event) {
  var message = event.data;
  if (message.type === "chunk") {
    (twChunks[message.name] = twChunks[message.name] || new Array(message.total).fill(null))[message.index] = message.data;
    if (!twNeeded.every(twComplete)) return;
    var payload = {};
    twNeeded.forEach(function (name) { payload[name] = twChunks[name].join(""); });
    twChunks = {};
    try {
      await twStart(payload);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String(error && error.message || error) });
    }
  } else if (message.type === "call") {
    try {
      self.postMessage({ type: "answer", id: message.id, response: twHandle(message.request) });
    } catch (error) {
      // The page shows its own Dutch words and logs this detail. An error that is not Python's
      // own means the runtime itself failed: the page offers to start it again.
      self.postMessage({ type: "answer", id: message.id, error: String(error && error.message || error),
                         fatal: !(error && error.constructor && error.constructor.name === "PythonError") });
    }
  }
};
