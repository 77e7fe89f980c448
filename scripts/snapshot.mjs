// Build step: a Pyodide memory snapshot with the aids already imported and every aid loaded.
// Run by build_runtime.py: node snapshot.mjs <pyodide package dir> <wheel> <output file> <stdlib zip>
// The browser restores it instead of starting CPython from scratch. It fits only this exact
// runtime build (Pyodide checks the build id); the worker falls back to a normal start. It fits
// only the standard library zip the browser gets, too: zipimport keeps the zip's table of
// contents in the heap.
import nodeCrypto from "node:crypto";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [packageArg, wheelPath, outPath, stdLibURL, modulesPath] = process.argv.slice(2);
if (!modulesPath) {
  throw new Error("usage: node snapshot.mjs <package dir> <wheel> <output> <stdlib zip> <modules>");
}
// The runtime's own path ends up in the heap: take the real one, the same for every checkout
// that shares the pinned packages.
const packageDir = realpathSync(packageArg);
// Python takes its argv from this process: the same words for every checkout.
process.argv = ["node", "snapshot.mjs"];
globalThis.fetch = async (url) => {
  throw new Error(`no network while making the snapshot: ${url}`);
};
// The same snapshot from the same sources: no clock and no randomness may reach the heap.
let seed = 1;
const fixedRandom = (array) => {
  for (let i = 0; i < array.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    array[i] = seed & 0xff;
  }
  return array;
};
Object.defineProperty(globalThis.crypto, "getRandomValues", { value: fixedRandom });
nodeCrypto.randomFillSync = fixedRandom;
nodeCrypto.randomBytes = (size) => fixedRandom(Buffer.alloc(size));
Date.now = () => 1767225600000;
let tick = 0;
Math.random = () => fixedRandom(new Uint8Array(1))[0] / 256;
performance.now = () => (tick += 1);
process.hrtime.bigint = () => BigInt(tick += 1);
const { loadPyodide } = await import(pathToFileURL(`${packageDir}/pyodide.mjs`).href);
const lock = JSON.parse(readFileSync(`${packageDir}/pyodide-lock.json`, "utf8"));
const pyodide = await loadPyodide({
  indexURL: `${packageDir}/`,
  stdLibURL,
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {},
  _makeSnapshot: true,
  env: { PYTHONHASHSEED: "0" },
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
// Everything the first answer needs, imported and parsed once. Python holds no JavaScript
// object afterwards (only strings cross the bridge), so the snapshot needs no serializer.
pyodide.runPython(`
import gc
import aids, aids.web
from aids import catalogue
for aid_id in aids.aid_ids():
    aids.load(aid_id)
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
  stdLibURL,
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {},
  _loadSnapshot: snapshot,
});
if (!restored.runPython("import sys; 'aids.web' in sys.modules")) {
  throw new Error("the restored snapshot lacks the aids");
}
writeFileSync(outPath, snapshot);
// The files of the standard library zip that Python imported, start-up included: the build
// ships only these (the aids import nothing more later; tests/test_pyodide.py runs them on it).
const imported = restored.runPython(`
import json, sys
json.dumps(sorted({m.__file__.split(".zip/", 1)[1] for m in list(sys.modules.values())
                   if ".zip/" in (getattr(m, "__file__", None) or "")}))
`);
writeFileSync(modulesPath, imported);
