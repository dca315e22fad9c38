// Runs readability.js (@mozilla/readability on jsdom) on the Scrapinghub
// benchmark pages and writes its output in the benchmark's own format, for
// eval_extraction --peers OUT_DIR to score with the same scorer as ours:
//
//   OUT_DIR/scrapinghub/readability-js.json
//       {"version": V, "output": {page_id: {"articleBody": textContent}}}
//
// The npm packages come from bench/extraction/peers (package-lock.json,
// installed there with `npm ci`); scripts/run_eval points NODE_PATH at its
// node_modules. Only the Scrapinghub set: readability.js runs at a few pages
// per second, too slow for the 990 trafilatura-eval pages in an eval run.
//
// Usage: node run_readability_js.js SHARED_DIR OUT_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function packageVersion(name) {
  try {
    const main = require.resolve(name);
    let dir = path.dirname(main);
    while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
  } catch (e) {
    return "?";
  }
}

const [shared, outDir] = process.argv.slice(2);
if (!shared || !outDir) {
  console.error("usage: node run_readability_js.js SHARED_DIR OUT_DIR");
  process.exit(2);
}
const htmlDir = path.join(shared, "data/article-extraction-scrapinghub/html");
if (!fs.existsSync(htmlDir)) {
  console.log(`skip: readability.js on Scrapinghub (no ${htmlDir})`);
  process.exit(0);
}
const quiet = new VirtualConsole();
const output = {};
const t0 = process.hrtime.bigint();
for (const name of fs.readdirSync(htmlDir).sort()) {
  if (!name.endsWith(".html") && !name.endsWith(".html.gz")) continue;
  let raw = fs.readFileSync(path.join(htmlDir, name));
  if (name.endsWith(".gz")) raw = zlib.gunzipSync(raw);
  const id = name.split(".")[0];
  let text = "";
  try {
    const dom = new JSDOM(raw.toString("utf8"), { url: "https://example.com/", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : "";
    dom.window.close();
  } catch (e) {
    text = "";
  }
  output[id] = { articleBody: text };
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const version = `@mozilla/readability ${packageVersion("@mozilla/readability")} + jsdom ${packageVersion("jsdom")}`;
fs.mkdirSync(path.join(outDir, "scrapinghub"), { recursive: true });
fs.writeFileSync(path.join(outDir, "scrapinghub", "readability-js.json"),
                 JSON.stringify({ version, output }));
const n = Object.keys(output).length;
console.log(`readability.js on Scrapinghub: ${n} pages, ${secs.toFixed(1)} s, ${(n / secs).toFixed(1)} pages/s`);
