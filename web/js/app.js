// The app shell: a hash router (#/view/id?params) over the views, the
// search box and a footer with the store's counts.
import {get} from './api.js';
import {el, clear} from './dom.js';
import * as views from './views.js';

const main = document.getElementById('main');

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return {path, params};
}

async function route() {
  const {path, params} = parseHash();
  const [name, id] = path;
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('on', a.dataset.view === (name || 'storylines'));
  }
  let render;
  switch (name || 'storylines') {
    case 'storylines': render = () => views.storylinesView(); break;
    case 'storyline': render = () => views.storylineView(id); break;
    case 'cluster': render = () => views.clusterView(id); break;
    case 'timeline': render = () => views.timelineView(); break;
    case 'relations': render = () => views.relationsView(params); break;
    case 'documents': render = () => views.documentsView(params); break;
    case 'search': render = () => views.searchView(params); break;
    case 'doc': render = () => views.readerView(id, params); break;
    default: render = async () => el('p', {class: 'error'}, 'No such page.');
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const node = await render();
    clear(main).appendChild(node);
    const cited = main.querySelector('[data-cited]');
    if (cited) cited.scrollIntoView({block: 'center'});
    else window.scrollTo(0, 0);
  } catch (err) {
    clear(main).appendChild(el('div', {class: 'error', id: 'error'},
        el('h1', null, err.status === 404 ? 'Not found' : 'Something went wrong'),
        el('p', null, err.message)));
  } finally {
    main.setAttribute('aria-busy', 'false');
    document.body.dataset.view = name || 'storylines';
  }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) window.location.hash = '#/search?q=' + encodeURIComponent(q);
});
window.addEventListener('hashchange', route);

async function footer() {
  try {
    const h = await get('health');
    const c = h.counts;
    document.getElementById('foot').textContent =
        `${c.documents} articles · ${c.clusters} event clusters · ${c.storylines} storylines · ` +
        `${c.entities} actors · ${c.events} events · ${c.errors} unreadable inputs`;
  } catch (e) {
    document.getElementById('foot').textContent = 'API unavailable';
  }
}

footer();
route();
