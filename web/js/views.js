// One function per view; each returns a DOM node built from API data with
// text nodes only (see dom.js).
import {get, getAll} from './api.js';
import {el, svg, docLink, fmtDate} from './dom.js';
import {renderReader} from './reader.js';

const clusterHref = (id) => '#/cluster/' + encodeURIComponent(id);
const storylineHref = (id) => '#/storyline/' + encodeURIComponent(id);

// "examples/baltic-wire/some-story.txt" -> "baltic-wire/some-story.txt".
function shortSource(s) {
  const parts = String(s).split('/');
  return parts.slice(-2).join('/');
}

function citationLinks(citations) {
  return (citations || []).map((c, i) =>
      [' ', docLink(c.doc, `[${i + 1}]`, c.start, c.end)]);
}

function clusterCard(c) {
  return el('li', {class: 'card cluster-card'},
      el('a', {href: clusterHref(c.id), class: 'cluster-link'}, c.title || c.id),
      el('div', {class: 'muted'},
         `${fmtDate(c.date)} · ${c.document_count ?? c.documents.length} articles · ${c.event_count ?? c.events.length} events`,
         c.sources && c.sources.length ? ' · ' + c.sources.join(', ') : ''),
      c.summary && c.summary.length
          ? el('p', {class: 'summary'}, c.summary.slice(0, 2).map((s) =>
                [s.text, ' ', docLink(s.doc, '↗', s.start, s.end), ' ']))
          : null);
}

export async function storylinesView() {
  const lines = await getAll('storylines', {}, 1000);
  const list = el('ol', {class: 'storylines'});
  for (const s of lines.items) {
    list.appendChild(el('li', {class: 'card storyline-card'},
        el('h2', null, el('a', {href: storylineHref(s.id)}, s.title || s.id)),
        el('div', {class: 'muted'},
           `${fmtDate(s.first_date)} – ${fmtDate(s.last_date)} · ${s.clusters.length} event clusters · ${s.document_count} articles`),
        el('ul', {class: 'clusters'}, (s.cluster_briefs || []).map((c) =>
          el('li', null, el('a', {href: clusterHref(c.id), class: 'cluster-link'}, c.title || c.id),
             el('span', {class: 'muted'}, ` · ${fmtDate(c.date)} · ${c.documents} articles`))))));
  }
  return el('section', {class: 'view', id: 'view-storylines'},
      el('h1', null, 'Storylines'),
      lines.total > lines.items.length
          ? el('p', {class: 'muted'}, `Showing the first ${lines.items.length} of ${lines.total} storylines.`) : null,
      lines.items.length ? list : el('p', {class: 'muted'}, 'No storylines yet: ingest some articles.'));
}

export async function storylineView(id) {
  const d = await get('storylines/' + encodeURIComponent(id));
  return el('section', {class: 'view', id: 'view-storyline'},
      el('p', {class: 'crumbs'}, el('a', {href: '#/storylines'}, 'Storylines'), ' / ', d.storyline.id),
      el('h1', null, d.storyline.title || d.storyline.id),
      el('div', {class: 'muted'}, `${fmtDate(d.storyline.first_date)} – ${fmtDate(d.storyline.last_date)}`),
      el('ol', {class: 'chain'}, d.clusters.map(clusterCard)));
}

export async function clusterView(id) {
  const d = await get('clusters/' + encodeURIComponent(id));
  const c = d.cluster;
  const cmp = d.comparison;
  // Columns are outlets: the site, else the file an article came from.
  const outletOrder = [...new Set(cmp.sources.map((s) => s.outlet))];
  const label = (o) => (cmp.sources.find((s) => s.outlet === o && s.site) ? o : shortSource(o));

  const head = el('tr', null, el('th', null, 'Claim'),
      outletOrder.map((o) => el('th', {class: 'outlet', title: o}, label(o))));
  const rows = cmp.claims.slice(0, 300).map((r) => {
    const who = [r.source_name || '—', r.type, r.target_name].filter(Boolean).join(' · ');
    const byOutlet = new Map(r.reports.map((x) => [x.outlet, x]));
    return el('tr', {class: r.single_source ? 'single' : null},
        el('td', {class: 'claim'}, who, el('span', {class: 'muted'}, ` (${r.code})`),
           r.single_source ? el('span', {class: 'badge'}, 'single source') : null),
        outletOrder.map((o) => {
          const x = byOutlet.get(o);
          return el('td', {class: x ? 'yes' : 'no', title: x ? x.text : null},
                    x ? docLink(x.doc, x.modality, x.start, x.end) : '—');
        }));
  });
  const table = el('table', {class: 'compare', id: 'compare-table'},
      el('thead', null, head), el('tbody', null, rows));

  const disagreements = d.disagreements.map((x) => el('li', {class: 'card disagreement'},
      el('strong', null, x.about),
      el('ul', null, x.claims.map((cl) => el('li', null,
          el('span', {class: 'value'}, cl.value), ' — ', el('span', {class: 'muted'}, cl.site || cl.doc), ': “',
          cl.text, '” ', docLink(cl.doc, 'read', cl.start, cl.end))))));

  return el('section', {class: 'view', id: 'view-cluster'},
      el('p', {class: 'crumbs'}, el('a', {href: '#/storylines'}, 'Storylines'), ' / ',
         d.storyline ? [el('a', {href: storylineHref(d.storyline.id)}, d.storyline.title), ' / '] : '',
         c.id),
      el('h1', null, c.title || c.id),
      el('div', {class: 'muted'}, `${fmtDate(c.date)} · ${d.documents_total} articles from ${cmp.outlets} sources · ${d.events_total} events`),
      el('h2', null, 'Summary'),
      el('ol', {class: 'summary-list'}, c.summary.map((s) => el('li', null, s.text, ' ',
          docLink(s.doc, 'source', s.start, s.end)))),
      el('h2', null, 'Who reports what'),
      el('p', {class: 'muted'}, 'One row per reported action (actor · action · target); a cell links to the sentence an outlet reports it in.'),
      el('div', {class: 'scroll'}, table),
      cmp.claims_total > cmp.claims.length || cmp.sources_total > cmp.sources.length
          ? el('p', {class: 'muted'}, `Showing the ${cmp.claims.length} most widely reported of ${cmp.claims_total} claims, across the first ${cmp.sources.length} of ${cmp.sources_total} articles.`)
          : null,
      el('h2', null, `Disagreements (${d.disagreements.length})`),
      d.disagreements.length ? el('ul', {class: 'plain', id: 'disagreements'}, disagreements)
                             : el('p', {class: 'muted'}, 'The sources agree on the facts compared.'),
      el('h2', null, 'Timeline'),
      el('ul', {class: 'timeline'}, d.timeline.map((t) => el('li', null,
          el('span', {class: 'date'}, t.date), ' ', t.text, citationLinks(t.citations)))),
      el('h2', null, d.documents_total > d.documents.length
          ? `Articles (first ${d.documents.length} of ${d.documents_total})` : 'Articles'),
      el('ul', {class: 'plain docs'}, d.documents.map((doc) => el('li', null,
          docLink(doc.id, doc.title || doc.source), el('span', {class: 'muted'},
              ` · ${doc.site || shortSource(doc.source)} · ${fmtDate(doc.published)}`)))));
}

export async function timelineView() {
  const tl = await getAll('timeline', {}, 3000);
  const groups = new Map();
  for (const t of tl.items) {
    const year = String(t.date).slice(0, 4);
    if (!groups.has(year)) groups.set(year, []);
    groups.get(year).push(t);
  }
  return el('section', {class: 'view', id: 'view-timeline'},
      el('h1', null, 'Timeline'),
      el('p', {class: 'muted'}, tl.total > tl.items.length
          ? `The first ${tl.items.length} of ${tl.total} dated statements, each cited.`
          : `${tl.total} dated statements, each cited.`),
      [...groups].map(([year, items]) => el('div', {class: 'year'},
          el('h2', null, year),
          el('ul', {class: 'timeline'}, items.map((t) => el('li', null,
              el('span', {class: 'date'}, t.date), ' ', t.text, citationLinks(t.citations),
              t.cluster ? [' ', el('a', {href: clusterHref(t.cluster), class: 'tag'},
                                   t.cluster_title || t.cluster)] : null))))));
}

export async function relationsView(params) {
  const first = await get('relations', {limit: 1});
  const periods = first.periods || [];
  const period = params.get('period') || periods[periods.length - 1] || '';
  const rel = period ? await getAll('relations', {period}, 2000) : {items: []};

  const nav = el('div', {class: 'periods'}, periods.map((p) =>
      el('a', {href: '#/relations?period=' + encodeURIComponent(p), class: p === period ? 'tag on' : 'tag'}, p)));

  // The 16 actors with most weight in the period, on a circle.
  const weight = new Map();
  const names = new Map();
  for (const r of rel.items) {
    const w = r.cooperation + r.conflict;
    weight.set(r.a, (weight.get(r.a) || 0) + w);
    weight.set(r.b, (weight.get(r.b) || 0) + w);
    names.set(r.a, r.a_name || r.a);
    names.set(r.b, r.b_name || r.b);
  }
  const top = [...weight].sort((x, y) => y[1] - x[1]).slice(0, 16).map(([id]) => id);
  const W = 640, H = 520, R = 190, cx = W / 2, cy = H / 2;
  const pos = new Map(top.map((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, top.length) - Math.PI / 2;
    return [id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxW = Math.max(1, ...rel.items.map((r) => r.cooperation + r.conflict));
  const graph = svg('svg', {viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img',
                            'aria-label': `actor relations in ${period}`, id: 'relations-graph'});
  for (const r of rel.items) {
    if (!pos.has(r.a) || !pos.has(r.b)) continue;
    const [x1, y1] = pos.get(r.a), [x2, y2] = pos.get(r.b);
    const net = r.cooperation - r.conflict;
    const line = svg('line', {x1, y1, x2, y2, class: net >= 0 ? 'edge coop' : 'edge conflict',
                              'stroke-width': (1 + 7 * (r.cooperation + r.conflict) / maxW).toFixed(1)});
    line.appendChild(svg('title', {}, `${names.get(r.a)} – ${names.get(r.b)}: cooperation ${r.cooperation.toFixed(1)}, conflict ${r.conflict.toFixed(1)}`));
    graph.appendChild(line);
  }
  for (const id of top) {
    const [x, y] = pos.get(id);
    const g = svg('g', {class: 'node'});
    g.appendChild(svg('circle', {cx: x, cy: y, r: 6}));
    const right = x >= cx;
    g.appendChild(svg('text', {x: x + (right ? 10 : -10), y: y + 4, 'text-anchor': right ? 'start' : 'end'}, names.get(id)));
    graph.appendChild(g);
  }
  const rows = rel.items.slice().sort((x, y) => (y.cooperation + y.conflict) - (x.cooperation + x.conflict))
      .slice(0, 200).map((r) => el('tr', null,
          el('td', null, r.a_name || r.a), el('td', null, r.b_name || r.b),
          el('td', {class: 'num coop-text'}, r.cooperation.toFixed(1)),
          el('td', {class: 'num conflict-text'}, r.conflict.toFixed(1)),
          el('td', {class: 'num'}, String(r.events.length))));
  return el('section', {class: 'view', id: 'view-relations'},
      el('h1', null, 'Actor relations over time'),
      el('p', {class: 'muted'}, 'Lines join actors that acted on each other in the period: green leans cooperative, red conflictual; thicker means more weight (Goldstein scale).'),
      nav,
      rel.items.length ? graph : el('p', {class: 'muted'}, 'No relations in this period.'),
      el('table', {class: 'compare rel-table'},
         el('thead', null, el('tr', null, el('th', null, 'Actor'), el('th', null, 'Actor'),
            el('th', null, 'Cooperation'), el('th', null, 'Conflict'), el('th', null, 'Events'))),
         el('tbody', null, rows)));
}

export async function documentsView(params) {
  const limit = 50;
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const [page, errors] = await Promise.all([get('documents', {offset, limit}), get('errors', {limit: 100})]);
  const pager = el('p', {class: 'pager'},
      offset > 0 ? el('a', {href: `#/documents?offset=${Math.max(0, offset - limit)}`}, '← previous') : '',
      ` ${page.total ? offset + 1 : 0}–${offset + page.items.length} of ${page.total} `,
      offset + limit < page.total ? el('a', {href: `#/documents?offset=${offset + limit}`}, 'more →') : '');
  return el('section', {class: 'view', id: 'view-documents'},
      el('h1', null, 'Articles'), pager,
      el('ul', {class: 'plain docs'}, page.items.map((d) => el('li', null,
          docLink(d.id, d.title || d.source),
          el('span', {class: 'muted'}, ` · ${d.site || shortSource(d.source)} · ${fmtDate(d.published)} · ${d.chars} chars`),
          d.cluster ? [' ', el('a', {class: 'tag', href: clusterHref(d.cluster)}, d.cluster)] : null))),
      errors.total ? [el('h2', null, `Inputs not analysed (${errors.total})`),
                      el('ul', {class: 'plain', id: 'input-errors'}, errors.items.map((e) => el('li', null,
                          el('code', null, e.source), el('span', {class: 'muted'}, ` ${e.code}: `), e.message)))]
                   : null);
}

// Snippets mark matches as [word]; brackets become <mark> elements.
function snippet(text) {
  const out = el('p', {class: 'snippet'});
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text)) !== null) {
    out.appendChild(document.createTextNode(text.slice(last, m.index)));
    out.appendChild(el('mark', null, m[1]));
    last = m.index + m[0].length;
  }
  out.appendChild(document.createTextNode(text.slice(last)));
  return out;
}

export async function searchView(params) {
  const q = params.get('q') || '';
  if (!q.trim()) return el('section', {class: 'view', id: 'view-search'}, el('h1', null, 'Search'),
                          el('p', {class: 'muted'}, 'Type words into the search box.'));
  const res = await get('search', {q, limit: 50});
  return el('section', {class: 'view', id: 'view-search'},
      el('h1', null, 'Search: ', el('q', null, q)),
      el('p', {class: 'muted'}, `${res.total} matching articles`),
      el('ol', {class: 'results'}, res.items.map((h) => el('li', {class: 'card'},
          docLink(h.doc, h.title || h.source),
          el('div', {class: 'muted'}, h.document ? `${h.document.site || shortSource(h.source)} · ${fmtDate(h.document.published)}` : h.source),
          snippet(h.snippet)))));
}

export async function readerView(id, params) {
  const detail = await get('documents/' + encodeURIComponent(id));
  const start = parseInt(params.get('start'), 10), end = parseInt(params.get('end'), 10);
  const cited = Number.isInteger(start) && Number.isInteger(end) && end > start ? {start, end} : null;
  const node = el('section', {class: 'view', id: 'view-reader'}, renderReader(detail, cited));
  return node;
}
