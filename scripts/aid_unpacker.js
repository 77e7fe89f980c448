// Thuiswijzer runtime unpacker: a second worker, next to Python's, that turns the runtime's
// data scripts back into files. The page sends it each base64 chunk as its script arrives; it
// decodes the chunks in order, checks each chunk's sha256, unpacks what the build packed with
// Zstandard (fzstd: no DecompressionStream reads it yet), and hands every whole file to
// Python's worker over the port the page gave both.
// Over http the page loads no data scripts: the unpacker fetches the same chunks as bytes itself
// (each checked by Subresource Integrity), so the page does no work while the runtime arrives;
// it puts them in order and unpacks them the same way, and compiles the wasm.
// It runs on the other core while Python's worker builds its module.
// The snapshot leaves out, besides its long runs of zeros, the ranges where it holds what the
// wasm's data segments hold: the unpacker keeps the wasm's bytes as they arrive and copies those
// ranges back into the snapshot before handing it over. If that fails, the snapshot goes over as
// an error and Python starts normally.
// build_runtime.py puts TW_RUNTIME and fzstd before this file: each runtime file's size, whether
// it is Zstandard, the runs of zeros left out of it, the sha256 of each chunk, and the copies
// (per copy: its distance from the end of the copy before in the snapshot and in the wasm, and
// its length).
var M = TW_MESSAGES;  // the message types (aids/contract.py), the source's first line
"use strict";

var twPort = null;
var twFiles = {};
var twCompile = false;  // compile the wasm here (over http; the page's first message says)
var twWasmBytes = null;  // resolves with the wasm's bytes, for the snapshot's copies

function twBytes(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  var binary = atob(base64);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function twHex(buffer) {
  return Array.from(new Uint8Array(buffer), function (b) {
    return b.toString(16).padStart(2, "0");
  }).join("");
}

// A chunk from a data script must match the sha256 the build wrote down: resolves with whether
// it does. A page without WebCrypto (plain http, not localhost) fetches its chunks, each checked
// by its integrity.
function twCheckChunk(bytes, name, index) {
  if (!(self.crypto && crypto.subtle)) return Promise.resolve(true);
  return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
    return twHex(digest) === TW_RUNTIME.files[name].chunks[index];
  });
}

// Zstandard's frame as a stream: each block as fzstd decodes it (a new array each time).
function twUnzstd() {
  var decoder = null;
  return new TransformStream({
    start: function (controller) {
      decoder = new fzstd.Decompress(function (block) {
        if (block.length) controller.enqueue(block);
      });
    },
    transform: function (bytes) { decoder.push(bytes); },
    flush: function () { decoder.push(new Uint8Array(0), true); },
  });
}

// The file's bytes in order into its buffer, stepping over the runs of zeros the build left
// out (holes: [offset, length], in order): a new buffer holds zeros already.
async function twFill(buffer, reader, holes) {
  var offset = 0, hole = 0;
  function skipHoles() {
    while (hole < holes.length && offset === holes[hole][0]) offset += holes[hole++][1];
  }
  for (;;) {
    var step = await reader.read();
    if (step.done) break;
    var bytes = step.value;
    while (bytes.length) {
      skipHoles();
      var room = (hole < holes.length ? holes[hole][0] : buffer.length) - offset;
      if (room <= 0) throw new Error("runtime file too long");
      var part = bytes.subarray(0, room);
      buffer.set(part, offset);
      offset += part.length;
      bytes = bytes.subarray(part.length);
    }
  }
  skipHoles();
  if (offset !== buffer.length) throw new Error("runtime file too short");
  return buffer;
}

// The ranges the build left out of the snapshot, copied back from the wasm's bytes.
function twCopy(snapshot, wasm) {
  var steps = TW_RUNTIME.copies, to = 0, from = 0;
  if (steps.length % 3) throw new Error("snapshot copies malformed");
  for (var i = 0; i < steps.length; i += 3) {
    to += steps[i];
    from += steps[i + 1];
    var length = steps[i + 2];
    if (to < 0 || from < 0 || length <= 0 || to + length > snapshot.length || from + length > wasm.length) {
      throw new Error("snapshot copy out of range");
    }
    snapshot.set(wasm.subarray(from, from + length), to);
    to += length;
    from += length;
  }
  return snapshot;
}

// One file as its chunks arrive: each is decoded (and unpacked) as soon as those before it
// are in. The whole file goes to Python's worker, or the reason it cannot.
function twFile(name) {
  if (!twFiles[name]) {
    var info = TW_RUNTIME.files[name];
    var pipe = new TransformStream();
    var out = info.zstd ? pipe.readable.pipeThrough(twUnzstd()) : pipe.readable;
    var file = twFiles[name] = {
      parts: [], next: 0, checks: [], error: null, writer: pipe.writable.getWriter(),
    };
    // The wasm's bytes are kept for the snapshot's copies (a second branch of its stream: the
    // first may be compiled, or handed over).
    if (name === "wasm" && TW_RUNTIME.copies.length) {
      var branches = out.tee();
      out = branches[0];
      twWasmBytes = twFill(new Uint8Array(info.size), branches[1].getReader(), []);
      twWasmBytes.catch(function () {});  // the snapshot that needs them reports it
    }
    // Over http the wasm is compiled here while it arrives, and goes to Python's worker
    // compiled. A file:// page cannot pass a compiled module between its workers (its origin
    // is opaque): there Python's worker compiles the bytes.
    var whole = name === "wasm" && twCompile
      ? WebAssembly.compileStreaming(new Response(out, { headers: { "Content-Type": "application/wasm" } }))
      : twFill(new Uint8Array(info.size), out.getReader(), info.holes);
    if (name === "snapshot" && TW_RUNTIME.copies.length) {
      whole = whole.then(async function (snapshot) {
        twFile("wasm");  // its stream exists before its first chunk comes
        var wasm = await twWasmBytes;
        twWasmBytes = null;  // the copies were its only use here
        return twCopy(snapshot, wasm);
      });
    }
    whole.catch(function (error) {
      return error;
    }).then(async function (data) {
      // A damaged chunk usually breaks the Zstandard stream too: name the damage, not its effect.
      if ((await Promise.all(file.checks)).indexOf(false) >= 0) {
        data = new Error(name + " sha256 mismatch");
      }
      if (data instanceof Error) {
        twPort.postMessage({ type: M.file, name: name, missing: Boolean(file.missing),
                             error: String((file.error || data).message || data) });
      } else {
        twPort.postMessage({ type: M.file, name: name, data: data }, data instanceof Uint8Array ? [data.buffer] : []);
      }
    });
  }
  return twFiles[name];
}

// A runtime file that cannot be had: its stream ends with this error, which goes to Python's
// worker in its place (missing: the server does not have it).
function twLost(name, error, missing) {
  var file = twFile(name);
  if (file.error) return;
  file.error = error;
  file.missing = missing;
  file.writer.abort(error).catch(function () {});
}

// Over http: one chunk's bytes, checked by its integrity (label: the address the page knows it
// by). A chunk that fails its check is damaged; a missing one fails the check too, so the
// server is asked once more.
async function twFetchChunk(url, integrity, label) {
  var response = null;
  try {
    response = await fetch(url, { integrity: integrity });
  } catch (error) {
    var head = await fetch(url, { method: "HEAD" }).catch(function () { return { ok: false }; });
    throw Object.assign(new Error((head.ok ? "damaged" : "missing") + " runtime file: " + label),
                        { missing: !head.ok });
  }
  if (!response.ok) throw Object.assign(new Error("missing runtime file: " + label), { missing: true });
  return response.arrayBuffer();
}

// Over http: every chunk of every runtime file fetched at once (base: where the page finds
// them), each taken in as it arrives.
function twFetch(message) {
  Object.keys(message.files).forEach(function (name) {
    var chunks = message.files[name];
    chunks.forEach(function (chunk, index) {
      var label = message.base + chunk.url;
      twFetchChunk(new URL(label, message.from).href, chunk.integrity, label).then(function (data) {
        self.postMessage({ type: M.arrived });  // a slow link: the page's start limit waits
        twChunk({ name: name, index: index, total: chunks.length, data: data });
      }, function (error) {
        twLost(name, error, Boolean(error.missing));
      });
    });
  });
}

// One chunk: base64 from a data script, or bytes fetched over http.
function twChunk(message) {
  var file = twFile(message.name);
  file.parts[message.index] = message.data;
  while (file.parts[file.next] != null) {
    var part = file.parts[file.next];
    var bytes = typeof part === "string" ? twBytes(part) : new Uint8Array(part);
    file.parts[file.next] = null;
    if (typeof part === "string") file.checks.push(twCheckChunk(bytes, message.name, file.next));
    file.writer.write(bytes).catch(function () {});  // a broken stream is reported above
    file.next++;
  }
  if (file.next === message.total) file.writer.close().catch(function () {});  // reported above
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === M.port) {
    twPort = event.ports[0];
    twCompile = message.compile;
  } else if (message.type === M.chunk) {
    twChunk(message);
  } else if (message.type === M.fetch) {
    twFetch(message);
  } else if (message.type === M.missing) {
    // A runtime file the page could not load (only the snapshot's loss is told here; Python
    // then starts normally).
    twLost(message.name, new Error(message.error || message.name + " missing"), false);
  }
};
