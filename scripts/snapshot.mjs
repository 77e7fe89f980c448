// Build step: a Pyodide memory snapshot with the aids already imported and every aid loaded.
// Run by build_runtime.py: node snapshot.mjs <pyodide package dir> <wheel> <output file>
// The browser restores it instead of starting CPython from scratch. It fits only this exact
// runtime build (Pyodide checks the build id); the worker falls back to a normal start.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { webcrypto } from "node:crypto";
import { pathToFileURL } from "node:url";

const [packageDir, wheelPath, outPath] = process.argv.slice(2);

// Reproducible: two builds of one commit give the same snapshot. Python takes its clock and its
// entropy (the hash seed, the state of random) from here, so both are fixed while it is made:
// the clock at SOURCE_DATE_EPOCH, the entropy from a fixed sequence. The worker reseeds random
// after restoring. Where this script runs is left out too.
let state = 0x9e3779b9;
function fixedEntropy(array) {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return array;
}
webcrypto.getRandomValues = globalThis.crypto.getRandomValues = fixedEntropy;
createRequire(import.meta.url)("node:crypto").randomFillSync = fixedEntropy;
const epoch = Number(process.env.SOURCE_DATE_EPOCH || 0) * 1000;
Date.now = () => epoch;
performance.now = () => 0;
process.argv[1] = "snapshot.mjs";
globalThis.fetch = async (url) => {
  throw new Error(`no network while making the snapshot: ${url}`);
};
const { loadPyodide } = await import(pathToFileURL(`${packageDir}/pyodide.mjs`).href);
const lock = JSON.parse(readFileSync(`${packageDir}/pyodide-lock.json`, "utf8"));
const pyodide = await loadPyodide({
  indexURL: `${packageDir}/`,
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {},
  _makeSnapshot: true,
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
// Everything the first answer needs, imported and parsed once. Python holds no JavaScript
// object afterwards (only strings cross the bridge), so the snapshot needs no serializer.
pyodide.runPython(`
import gc
import aids, aids.web
from aids import catalogue, definition
for aid_id in aids.aid_ids():
    definition.builder_module(aids.load(aid_id))
catalogue.interventions()
catalogue.vocabulary()
catalogue.glossary()
catalogue.sources()
del aid_id
gc.collect()
`);
const snapshot = pyodide.makeMemorySnapshot();

// Refuse a snapshot that does not restore here, for example one larger than the heap a fresh
// runtime starts with (restore then fails with a RangeError: pyodide issue 6254).
const restored = await loadPyodide({
  indexURL: `${packageDir}/`,
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {},
  _loadSnapshot: snapshot,
});
if (!restored.runPython("import sys; 'aids.web' in sys.modules")) {
  throw new Error("the restored snapshot lacks the aids");
}
writeFileSync(outPath, snapshot);
