// Thuiswijzer aid worker: starts Pyodide and answers the loader's requests.
// build_runtime.py bundles this file with Pyodide's loader and Emscripten module into one
// classic worker script, which the page starts from a blob: URL (this works over http and
// from a double-clicked file://, where module workers and fetch are blocked).
// The worker never touches the network: every file Pyodide asks for is answered from bytes
// the page handed over.
// build_runtime.py puts before this file: TW_LOCK (a minimal lock file) and TW_RUNTIME (each
// runtime file's size and whether it is gzip; the snapshot's build id and the sha256 of each
// of its chunks).
"use strict";

// Pyodide refuses classic workers when it sees importScripts; its module is bundled here,
// so nothing needs importing. This must run before Pyodide's loader below is evaluated.
self.importScripts = undefined;

var twHandle = null;
var twFiles = {};

function twBytes(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  var binary = atob(base64);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function twHex(buffer) {
  return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
}

// One runtime file as it arrives: each chunk is decoded (and gunzipped) as soon as the chunks
// before it are in, so the work overlaps with the page loading the rest. Its bytes go into a
// buffer of the size the build wrote down, which Pyodide may hold before it is full.
function twFile(name) {
  if (!twFiles[name]) {
    var info = TW_RUNTIME.files[name];
    var pipe = new TransformStream();
    var out = info.gzip ? pipe.readable.pipeThrough(new DecompressionStream("gzip")) : pipe.readable;
    var file = twFiles[name] = {
      parts: [], next: 0, checks: [], error: null, writer: pipe.writable.getWriter(),
      buffer: new Uint8Array(info.size),
    };
    file.bytes = twFill(file.buffer, out.getReader()).catch(function (error) {
      throw file.error || error;
    });
  }
  return twFiles[name];
}

async function twFill(buffer, reader) {
  var offset = 0;
  for (;;) {
    var step = await reader.read();
    if (step.done) break;
    if (offset + step.value.length > buffer.length) throw new Error("runtime file too long");
    buffer.set(step.value, offset);
    offset += step.value.length;
  }
  if (offset !== buffer.length) throw new Error("runtime file too short");
  return buffer;
}

function twChunk(message) {
  var file = twFile(message.name);
  file.parts[message.index] = message.data;
  while (typeof file.parts[file.next] === "string") {
    var bytes = twBytes(file.parts[file.next]);
    file.parts[file.next] = null;
    if (message.name === "snapshot") file.checks.push(twCheckChunk(bytes, file.next));
    file.writer.write(bytes).catch(function () {});  // a broken stream rejects file.bytes
    file.next++;
  }
  if (file.next === message.total) file.writer.close();
}

// A snapshot chunk must match the sha256 the build wrote into this worker: resolves with
// whether it does. Without WebCrypto (a page over plain http) gzip's CRC-32 still checks.
function twCheckChunk(bytes, index) {
  if (!(self.crypto && crypto.subtle)) return Promise.resolve(true);
  return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
    return twHex(digest) === TW_RUNTIME.snapshot.chunks[index];
  });
}

// The snapshot, complete and checked, or an error that says why it cannot be used.
async function twSnapshot() {
  var file = twFile("snapshot");
  var bytes = await file.bytes.catch(function (error) { return error; });
  // A damaged chunk usually breaks the gzip stream too: name the damage, not its effect.
  if ((await Promise.all(file.checks)).indexOf(false) >= 0) throw new Error("snapshot sha256 mismatch");
  if (bytes instanceof Error) throw bytes;
  var header = new DataView(bytes.buffer, bytes.byteOffset, 48);
  var id = "";
  for (var i = 0; i < 8; i++) id += header.getUint32(16 + 4 * i, true).toString(16).padStart(8, "0");
  if (header.getUint32(0, true) !== 0x706e7300 || id !== TW_RUNTIME.snapshot.build_id) {
    throw new Error("snapshot of another runtime build");
  }
  return bytes;
}

// With a snapshot, Pyodide gets its buffer at once and builds the module (compiles the wasm,
// sets up the file system) while the snapshot still arrives; the module is handed over only
// once the snapshot is complete and checked, because restoring comes right after.
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
      await checked;
      return module;
    };
  }
  return loadPyodide(options);
}

// Restore the snapshot if it is sound; otherwise (or if restoring fails) start Python normally.
// Either way the result is the same: only the time differs. Pyodide starts at once and waits
// for the files it asks for, so its own set-up overlaps with their arrival.
async function twStart() {
  var served = { "pyodide.asm.wasm": "wasm", "python_stdlib.zip": "stdlib" };
  // Answer Pyodide's own requests from memory; refuse anything else.
  self.fetch = async function (url) {
    var name = String(url).split("/").pop();
    if (!(name in served)) throw new Error("Thuiswijzer: geen netwerk in de worker (" + name + ")");
    var type = name.endsWith(".wasm") ? "application/wasm" : "application/zip";
    return new Response(await twFile(served[name]).bytes, { headers: { "Content-Type": type } });
  };
  var pyodide = null;
  var start = { from: "snapshot", reason: "" };
  try {
    var checked = twSnapshot();
    checked.catch(function () {});  // awaited while Pyodide builds its module
    pyodide = await twLoad(twFile("snapshot").buffer, checked);
    // The snapshot froze the state of random: every page would draw the same numbers.
    pyodide.runPython("import random\nrandom.seed()");
  } catch (error) {
    start = { from: "normal", reason: String(error && error.message || error) };
    console.warn("Thuiswijzer: normal start, the snapshot was not used: " + start.reason);
    pyodide = await twLoad(null);
  }
  // The snapshot holds the imported modules, not the files: unpack the wheel either way.
  pyodide.unpackArchive(await twFile("wheel").bytes, "wheel");
  twHandle = pyodide.pyimport("aids.web").handle;
  twFiles = null;  // Python has its own copies now
  return start;
}

// Start once this whole bundle has run: Pyodide's loader comes after this file.
Promise.resolve().then(twStart).then(function (start) {
  self.postMessage({ type: "ready", start: start });
}, function (error) {
  self.postMessage({ type: "failed", reason: String(error && error.message || error) });
});

self.onmessage = function (event) {
  var message = event.data;
  // Once Python runs, late chunks (of a refused snapshot) are dropped.
  if (message.type === "chunk") {
    if (twFiles) twChunk(message);
  } else if (message.type === "missing" && twFiles) {
    // A runtime file the page could not load: a missing snapshot means a normal start.
    var file = twFile(message.name);
    file.error = new Error(message.name + " missing");
    file.writer.abort(file.error).catch(function () {});
  } else if (message.type === "call") {
    var response;
    try {
      response = twHandle(message.request);
    } catch (error) {
      response = JSON.stringify({ ok: false, message: "Er ging iets mis in het hulpmiddel. " +
        "Je antwoorden staan nog in het formulier." });
    }
    self.postMessage({ type: "answer", id: message.id, response: response });
  }
};
