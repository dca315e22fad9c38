// The article reader: the text with entities, dates, quotes and events
// highlighted from their spans.
//
// API spans count Unicode code points; JavaScript strings index UTF-16 code
// units, so every offset goes through a code point -> code unit table built
// once per article (an emoji or a rare CJK character is one code point but
// two units). The text is cut at every span boundary into runs; each run is
// a text node, wrapped in a <span> whose classes say which marks cover it.
import {el, append, docLink} from './dom.js';

export function codeUnitTable(text) {
  const table = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length;
    table.push(unit);
  }
  return table;
}

// marks: [{start, end, kind, label}] in code points. Returns a fragment.
export function highlight(text, marks) {
  const table = codeUnitTable(text);
  const ncp = table.length - 1;
  const clamp = (cp) => table[Math.max(0, Math.min(ncp, cp | 0))];
  const spans = [];
  for (const m of marks) {
    const s = clamp(m.start), e = clamp(m.end);
    if (e > s) spans.push({...m, s, e});
  }
  const cuts = new Set([0, text.length]);
  for (const m of spans) {
    cuts.add(m.s);
    cuts.add(m.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; ++i) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const on = spans.filter((m) => m.s <= a && m.e >= b);
    if (on.length === 0) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(on.map((m) => m.kind))];
    const labels = [...new Set(on.map((m) => m.label).filter(Boolean))];
    const node = el('span', {class: kinds.map((k) => 'hl-' + k).join(' '),
                             title: labels.join(' · ') || null}, piece);
    if (on.some((m) => m.kind === 'cited')) node.setAttribute('data-cited', '1');
    frag.appendChild(node);
  }
  return frag;
}

export function marksOf(detail, cited) {
  const marks = [];
  for (const e of detail.entities) {
    for (const m of e.mentions) {
      marks.push({start: m.start, end: m.end, kind: 'entity', label: `${e.name} (${e.type})`});
    }
  }
  for (const t of detail.times) {
    marks.push({start: t.start, end: t.end, kind: 'time', label: `${t.type} ${t.value}`});
  }
  for (const q of detail.quotes) {
    const who = q.speaker_name || q.speaker_text || 'unknown speaker';
    marks.push({start: q.start, end: q.end, kind: 'quote', label: `quote: ${who}`});
  }
  for (const ev of detail.events) {
    const actors = [ev.source_name, ev.target_name].filter(Boolean).join(' → ');
    marks.push({start: ev.start, end: ev.end, kind: 'event',
                label: `event ${ev.type} ${ev.code}${actors ? ' ' + actors : ''} (${ev.modality})`});
  }
  if (cited) marks.push({start: cited.start, end: cited.end, kind: 'cited', label: 'cited'});
  return marks;
}

const KINDS = [['entity', 'Entities'], ['time', 'Dates'], ['quote', 'Quotes'], ['event', 'Events']];

export function renderReader(detail, cited) {
  const d = detail.document;
  const body = el('div', {class: 'reader-text', id: 'reader-text'});
  body.appendChild(highlight(d.text || '', marksOf(detail, cited)));

  const legend = el('div', {class: 'legend'});
  for (const [kind, label] of KINDS) {
    const box = el('input', {type: 'checkbox', checked: 'checked', 'data-kind': kind});
    box.addEventListener('change', () => body.classList.toggle('hide-' + kind, !box.checked));
    legend.appendChild(el('label', {class: 'key key-' + kind}, box, ' ' + label));
  }

  const meta = el('p', {class: 'meta'},
      d.site || d.source, ' · ', d.published || 'undated',
      d.published_from ? ` (${d.published_from})` : '',
      d.authors && d.authors.length ? ' · ' + d.authors.join(', ') : '',
      d.language ? ' · ' + d.language : '',
      detail.cluster ? [' · ', el('a', {href: '#/cluster/' + encodeURIComponent(detail.cluster)}, 'event cluster ' + detail.cluster)] : '');

  const side = el('aside', {class: 'reader-side'},
      el('h3', null, `Entities (${detail.entities.length})`),
      el('ul', {class: 'plain'}, detail.entities.map((e) => el('li', null,
          docLink(d.id, e.name, e.mentions[0].start, e.mentions[0].end),
          el('span', {class: 'muted'}, ` ${e.type}${e.code ? ' ' + e.code : ''} ×${e.mentions.length}`)))),
      el('h3', null, `Dates (${detail.times.length})`),
      el('ul', {class: 'plain'}, detail.times.map((t) => el('li', null,
          docLink(d.id, t.text, t.start, t.end), el('span', {class: 'muted'}, ` → ${t.value}`)))),
      el('h3', null, `Quotes (${detail.quotes.length})`),
      el('ul', {class: 'plain'}, detail.quotes.map((q) => el('li', null,
          el('span', {class: 'muted'}, (q.speaker_name || q.speaker_text || '?') + ': '),
          docLink(d.id, clip(q.text, 90), q.start, q.end)))),
      el('h3', null, `Events (${detail.events.length})`),
      el('ul', {class: 'plain'}, detail.events.map((ev) => el('li', null,
          docLink(d.id, `${ev.type} (${ev.code})`, ev.start, ev.end),
          el('span', {class: 'muted'}, ' ' + [ev.source_name, ev.target_name].filter(Boolean).join(' → ') +
             ` · ${ev.modality}${ev.date ? ' · ' + ev.date : ''}`)))));

  const view = el('div', {class: 'reader'},
      el('article', {class: 'reader-main'},
         el('h1', {id: 'reader-title'}, d.title || '(untitled)'), meta, legend, body),
      side);
  return view;
}

function clip(s, n) {
  s = String(s || '');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export {append};
