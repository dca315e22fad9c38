// Runs compromise's named-entity views (people, places, organizations) over
// the documents eval_ner hands it and writes the mentions back with UTF-8
// byte offsets, so that they are scored by the same scorer as synoptic's.
// Usage: node run_compromise.js IN.jsonl OUT.jsonl
//   IN: {"id": ..., "text": ...} per line; OUT: {"id", "start", "end", "type"}.
// Prints "tokens_per_s N" (the NER loop alone) on stderr.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const [input, output] = process.argv.slice(2);
const docs = fs.readFileSync(input, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const out = [];
let tokens = 0;
const t0 = process.hrtime.bigint();
for (const d of docs) {
  const doc = nlp(d.text);
  tokens += doc.terms().length;
  const views = [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]];
  for (const [type, view] of views) {
    for (const m of view.json({offset: true})) {
      const start = m.offset.start;
      const end = start + m.offset.length;
      out.push({id: d.id, type,
        start: Buffer.byteLength(d.text.slice(0, start), 'utf8'),
        end: Buffer.byteLength(d.text.slice(0, end), 'utf8')});
    }
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
fs.writeFileSync(output, out.map((m) => JSON.stringify(m)).join('\n') + '\n');
process.stderr.write(`tokens_per_s ${Math.round(tokens / secs)}\n`);
