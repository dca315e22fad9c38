// Runs @extractus/article-extractor (extractFromHtml: meta tags, JSON-LD,
// <time> and Readability's byline date; no network) on the trafilatura-eval
// pages that carry a gold "date" and writes its publication dates in the
// format eval_extraction --peers OUT_DIR reads:
//
//   OUT_DIR/trafilatura-dates/article-extractor.json
//       {"version": V, "output": {url: {"published": ISO or ""}}}
//
// The package is pinned by package-lock.json beside this file;
// scripts/run_eval installs it with `npm ci` into BUILD/eval/date-peers and
// points NODE_PATH there. The archive is unpacked with `tar` into a private
// temporary folder, removed at the end.
//
// Usage: node run_article_extractor.js SHARED_DIR OUT_DIR
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const [shared, outDir] = process.argv.slice(2);
if (!shared || !outDir) {
  console.error("usage: node run_article_extractor.js SHARED_DIR OUT_DIR");
  process.exit(2);
}
const dataDir = path.join(shared, "data/trafilatura-eval");
const evalPath = path.join(dataDir, "evaldata.json");
const tarball = path.join(dataDir, "html.tar.xz");
if (!fs.existsSync(evalPath) || !fs.existsSync(tarball)) {
  console.log(`skip: article-extractor dates (no ${evalPath} or ${tarball})`);
  process.exit(0);
}

function packageVersion(name) {
  try {
    // The nearest package.json naming the package (the build tool leaves
    // a bare {"type": ...} one in its script/ folder).
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const p = path.join(dir, "package.json");
      if (fs.existsSync(p)) {
        const pkg = JSON.parse(fs.readFileSync(p, "utf8"));
        if (pkg.name === name) return pkg.version;
      }
      const up = path.dirname(dir);
      if (up === dir) return "?";
      dir = up;
    }
  } catch (e) {
    return "?";
  }
}

async function main() {
  const { extractFromHtml } = require("@extractus/article-extractor");
  const evaldata = JSON.parse(fs.readFileSync(evalPath, "utf8"));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "syn-datepeer-"));
  const output = {};
  let n = 0;
  const t0 = process.hrtime.bigint();
  try {
    execFileSync("tar", ["-xJf", tarball, "-C", tmp]);
    for (const [url, item] of Object.entries(evaldata)) {
      if (typeof item.date !== "string") continue;
      let file = null;
      for (const sub of ["cache", "eval"]) {
        const p = path.join(tmp, "tests", sub, item.file);
        if (fs.existsSync(p)) file = p;
      }
      let published = "";
      if (file) {
        try {
          const art = await extractFromHtml(fs.readFileSync(file, "utf8"), url);
          if (art && art.published) published = art.published;
        } catch (e) {
          published = "";
        }
      }
      output[url] = { published };
      ++n;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const version = `@extractus/article-extractor ${packageVersion("@extractus/article-extractor")}`;
  fs.mkdirSync(path.join(outDir, "trafilatura-dates"), { recursive: true });
  fs.writeFileSync(path.join(outDir, "trafilatura-dates", "article-extractor.json"),
                   JSON.stringify({ version, output }));
  console.log(`article-extractor dates on trafilatura-eval: ${n} pages, ${secs.toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`article-extractor dates failed: ${e}`);
  process.exit(1);
});
