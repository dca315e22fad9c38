// DOM helpers. Every piece of text from the API is untrusted article data:
// it only ever enters the page through textContent / createTextNode, never
// as markup, and links only ever point inside this app (#/...).

// el('div', {class: 'x', title: 't'}, child, 'text', ...): children may be
// nodes, strings (become text nodes), null/undefined (skipped) or arrays.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'href') node.setAttribute('href', safeHref(v));
      else if (k.startsWith('on')) throw new Error('no inline handlers: ' + k);
      else node.setAttribute(k, String(v));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.appendChild(c);
    else node.appendChild(document.createTextNode(String(c)));
  }
  return node;
}

// Only in-app routes are linked; anything else becomes an inert '#'.
export function safeHref(v) {
  const s = String(v);
  return s.startsWith('#/') ? s : '#';
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A link to the reader, optionally marking a cited span.
export function docLink(doc, text, start, end) {
  let href = '#/doc/' + encodeURIComponent(doc);
  if (Number.isInteger(start) && Number.isInteger(end)) href += `?start=${start}&end=${end}`;
  return el('a', {href}, text);
}

export function fmtDate(s) {
  return s ? String(s) : 'undated';
}
