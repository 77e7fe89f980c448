// Thuiswijzer runtime unpacker: a second worker, next to Python's, that turns the runtime's
// data scripts back into files. The page sends it each base64 chunk as its script arrives; it
// decodes the chunks in order, checks each snapshot chunk's sha256, gunzips what the build
// gzipped, and hands every whole file to Python's worker over the port the page gave both.
// It runs on the other core while Python's worker builds its module.
// build_runtime.py puts TW_RUNTIME before this file: each runtime file's size and whether it
// is gzip, and the sha256 of each snapshot chunk.
"use strict";

var twPort = null;
var twFiles = {};

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

// A snapshot chunk must match the sha256 the build wrote down: resolves with whether it does.
// Without WebCrypto (a page over plain http) gzip's CRC-32 still checks.
function twCheckChunk(bytes, index) {
  if (!(self.crypto && crypto.subtle)) return Promise.resolve(true);
  return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
    return twHex(digest) === TW_RUNTIME.snapshot.chunks[index];
  });
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

// One file as its chunks arrive: each is decoded (and gunzipped) as soon as those before it
// are in. The whole file goes to Python's worker, or the reason it cannot.
function twFile(name) {
  if (!twFiles[name]) {
    var info = TW_RUNTIME.files[name];
    var pipe = new TransformStream();
    var out = info.gzip ? pipe.readable.pipeThrough(new DecompressionStream("gzip")) : pipe.readable;
    var file = twFiles[name] = {
      parts: [], next: 0, checks: [], error: null, writer: pipe.writable.getWriter(),
    };
    twFill(new Uint8Array(info.size), out.getReader()).catch(function (error) {
      return error;
    }).then(async function (bytes) {
      // A damaged chunk usually breaks the gzip stream too: name the damage, not its effect.
      if ((await Promise.all(file.checks)).indexOf(false) >= 0) {
        bytes = new Error(name + " sha256 mismatch");
      }
      if (bytes instanceof Error) {
        twPort.postMessage({ name: name, error: String((file.error || bytes).message || bytes) });
      } else {
        twPort.postMessage({ name: name, bytes: bytes }, [bytes.buffer]);
      }
    });
  }
  return twFiles[name];
}

function twChunk(message) {
  var file = twFile(message.name);
  file.parts[message.index] = message.data;
  while (typeof file.parts[file.next] === "string") {
    var bytes = twBytes(file.parts[file.next]);
    file.parts[file.next] = null;
    if (message.name === "snapshot") file.checks.push(twCheckChunk(bytes, file.next));
    file.writer.write(bytes).catch(function () {});  // a broken stream is reported above
    file.next++;
  }
  if (file.next === message.total) file.writer.close();
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === "port") {
    twPort = event.ports[0];
  } else if (message.type === "chunk") {
    twChunk(message);
  } else if (message.type === "missing") {
    // A runtime file the page could not load: a missing snapshot means a normal start.
    var file = twFile(message.name);
    file.error = new Error(message.name + " missing");
    file.writer.abort(file.error).catch(function () {});
  }
};
