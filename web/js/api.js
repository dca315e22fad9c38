// Fetches from the JSON API (same origin only). Errors become exceptions
// carrying the server's {error} message.
export async function get(path, params) {
  const url = new URL('/api/' + path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const res = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : res.statusText;
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return body;
}

// Every item of a paged list, up to `cap` items.
export async function getAll(path, params, cap = 5000) {
  const items = [];
  let offset = 0;
  for (;;) {
    const page = await get(path, {...params, offset, limit: 1000});
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total || items.length >= cap) {
      return {items, total: page.total, page};
    }
  }
}
