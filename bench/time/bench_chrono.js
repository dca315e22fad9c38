#!/usr/bin/env node
// chrono-node throughput on the texts time_throughput --write-texts wrote:
// chrono.parse on every text with its DCT as reference, whole passes until
// MIN_SECONDS of this process's CPU time (user + system) have gone by.
// Prints "chrono-node DOCS TOKENS CPU_SECONDS EXPRESSIONS" (one pass's count).
// Usage: node bench_chrono.js TEXTS.jsonl [MIN_SECONDS]
'use strict';
process.env.TZ = 'UTC';
const fs = require('fs');
const chrono = require('chrono-node');

const [file, minArg] = process.argv.slice(2);
const minSeconds = Number(minArg || 2);
const docs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
  const d = JSON.parse(l);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d.dct || '2000-01-01');
  return { text: d.text, ref: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) };
});
const tokensPerPass = docs.reduce((n, d) => n + (d.text.match(/\S+/g) || []).length, 0);
let found = 0;
for (const d of docs) found += chrono.parse(d.text, d.ref).length;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const t0 = cpu();
let passes = 0, elapsed = 0;
do {
  for (const d of docs) chrono.parse(d.text, d.ref);
  ++passes;
  elapsed = cpu() - t0;
} while (elapsed < minSeconds);
console.log(`chrono-node ${docs.length} ${tokensPerPass * passes} ${elapsed.toFixed(4)} ${found}`);
