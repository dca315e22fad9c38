#!/usr/bin/env node
// Runs chrono-node (npm, pinned in package-lock.json) on the inputs that
// `eval_time --write-inputs DIR` wrote, and writes its expressions as JSON
// lines {doc, start, end, type, value} (code point offsets) for
// `eval_time --peer chrono-node=OUT`.
//
// Usage: node run_chrono.js INPUT_DIR OUT_DIR
// chrono returns instants with each component either known (stated in the
// text) or implied (filled from the reference date). The TIMEX3 value keeps
// the resolved date down to the finest known component: hour known -> TIME
// "YYYY-MM-DDTHH:MM"; day or weekday known -> "YYYY-MM-DD"; month known ->
// "YYYY-MM"; year known -> "YYYY". A range ("July 13-15") scores its start.
// The reference date is the DCT at noon (TBAQ) or the corpus's "now"
// (Duckling, with forwardDate as an assistant reads it).
'use strict';
process.env.TZ = 'UTC';
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function pad(n, w) { return String(n).padStart(w, '0'); }

function timexOf(comp) {
  const y = comp.get('year'), m = comp.get('month'), d = comp.get('day');
  const ymd = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (comp.isCertain('hour')) {
    return ['TIME', `${ymd}T${pad(comp.get('hour'), 2)}:${pad(comp.get('minute') || 0, 2)}`];
  }
  if (comp.isCertain('day') || comp.isCertain('weekday')) return ['DATE', ymd];
  if (comp.isCertain('month')) return ['DATE', `${pad(y, 4)}-${pad(m, 2)}`];
  if (comp.isCertain('year')) return ['DATE', pad(y, 4)];
  return ['DATE', ymd];
}

function refDate(dct) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(dct || '');
  if (!m) return new Date(Date.UTC(2000, 0, 1, 12));
  if (m[4] === undefined) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

// Code point index of a UTF-16 index.
function cp(text, idx) {
  let n = 0;
  for (let i = 0; i < idx; ++i) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) ++n;
  }
  return n;
}

function chronoVersion() {
  const root = require.resolve('chrono-node').replace(/dist[\\/].*$/, '');
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

function main() {
  const [inDir, outDir] = process.argv.slice(2);
  if (!inDir || !outDir) {
    console.error('usage: node run_chrono.js INPUT_DIR OUT_DIR');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  let docs = 0, found = 0;
  for (const name of fs.readdirSync(inDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const assistant = name.startsWith('duckling');
    const out = [];
    for (const line of fs.readFileSync(path.join(inDir, name), 'utf8').split('\n')) {
      if (!line) continue;
      const doc = JSON.parse(line);
      ++docs;
      let results = [];
      try {
        results = chrono.parse(doc.text, refDate(doc.dct), { forwardDate: assistant });
      } catch (e) {
        console.error(`chrono-node failed on ${doc.doc}: ${e}`);
      }
      for (const r of results) {
        const [type, value] = timexOf(r.start);
        const start = cp(doc.text, r.index);
        const end = start + cp(r.text, r.text.length);
        out.push(JSON.stringify({ doc: doc.doc, start, end, type, value }));
        ++found;
      }
    }
    fs.writeFileSync(path.join(outDir, name), out.length ? out.join('\n') + '\n' : '');
  }
  console.log(`chrono-node ${chronoVersion()}: ${docs} documents, ${found} expressions`);
}

main();
