// Run the aids wheel inside real Pyodide under Node and answer a list of calls.
// Usage: node pyodide_runner.mjs <pyodide package dir> <stdlib zip> <wheel> <calls.json> [snapshot]
// The standard library is the one the site ships (with modules left out), so a module the aids
// import but the site leaves out fails here.
// Each call is {"fn": "run", "aid": ..., "answers": ...} or {"fn": "handle", "request": "..."}.
// Prints a JSON list with one output per call. Any network use fails the run.
// With a snapshot (the build's, raw), Python is restored from it as the browser does.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [packageDir, stdLibURL, wheelPath, callsPath, snapshotPath] = process.argv.slice(2);
globalThis.fetch = async (url) => {
  throw new Error(`network request refused in the Pyodide test: ${url}`);
};
const { loadPyodide } = await import(pathToFileURL(`${packageDir}/pyodide.mjs`).href);
const lock = JSON.parse(readFileSync(`${packageDir}/pyodide-lock.json`, "utf8"));
const pyodide = await loadPyodide({
  indexURL: `${packageDir}/`,
  stdLibURL,
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {},
  ...(snapshotPath ? { _loadSnapshot: new Uint8Array(readFileSync(snapshotPath)) } : {}),
});
// True only when the aids were imported before this process ran any Python: restored.
const restored = pyodide.runPython("import sys; 'aids.web' in sys.modules");
if (snapshotPath) pyodide.runPython("import random; random.seed()");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const call = pyodide.runPython(`
import json, aids, aids.web
def call(text):
    c = json.loads(text)
    if c["fn"] == "handle":
        return aids.web.handle(c["request"])
    try:
        return json.dumps(aids.run(c["aid"], c["answers"]))
    except aids.AnswersError as error:
        return json.dumps({"error": str(error)})
call
`);
const calls = JSON.parse(readFileSync(callsPath, "utf8"));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const outputs = calls.map((c) => JSON.parse(call(JSON.stringify(c))));
process.stdout.write(JSON.stringify({ python: version, restored, outputs }));
