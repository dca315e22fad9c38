// Times readability.js (@mozilla/readability on jsdom) over the Scrapinghub
// benchmark pages, one thread: every page is read and gunzipped first, then
// only the parse + extract loop is timed (new JSDOM, Readability.parse(),
// textContent), repeated until at least MIN_SECONDS of CPU time have passed.
// Prints "readability.js PAGES CPU_SECONDS BYTES WALL_SECONDS" for
// bench/extraction/run (CPU time of the process: jsdom is single-threaded,
// though node's garbage collector may use helper threads).
//
// Usage: node readability_bench.js SHARED_DIR [MIN_SECONDS]
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const shared = process.argv[2];
const minSeconds = Number(process.argv[3] || "0");
const dir = path.join(shared, "data/article-extraction-scrapinghub/html");
const pages = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString("utf8"));

const quiet = new VirtualConsole();  // pages' CSS/script errors: not ours
let done = 0;
let bytes = 0;
let chars = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let seconds = 0;
let cpu = 0;
do {
  for (const html of pages) {
    const dom = new JSDOM(html, { url: "https://example.com/", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    chars += article && article.textContent ? article.textContent.length : 0;
    dom.window.close();
    done += 1;
    bytes += Buffer.byteLength(html, "utf8");
  }
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpuStart);
  cpu = (used.user + used.system) / 1e6;
} while (cpu < minSeconds);
process.stderr.write(`readability.js: ${done} pages, ${chars} chars of text\n`);
console.log(`readability.js ${done} ${cpu.toFixed(4)} ${bytes} ${seconds.toFixed(4)}`);
