// The dashboard shell: sign-in, the header with scope and date filters, the page navigation, and the
// router. All state lives in the URL's hash (#/page?from=…&to=…&region=…), so a link can be shared.
import { api, session, ApiError, SignedOut } from './api.js';
import { i18n, t } from './i18n.js';
import { esc, states, disposeCharts } from './ui.js';
import { pages, pageOrder } from './pages/index.js';

const app = document.getElementById('app');
let me = null;
let directory = [];
let renderCount = 0;
let signInMessage = '';

function parseHash() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  return { page: path || 'overview', params: new URLSearchParams(query || '') };
}

function hashFor(page, params) {
  const query = params.toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

/** Goes to a page with the given parameters changed (null removes one); scope and dates are kept. */
export function navigate(page, changes = {}, { replace = false } = {}) {
  const current = parseHash();
  const params = new URLSearchParams(current.params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name); else params.set(name, value);
  }
  const next = hashFor(page ?? current.page, params);
  if (replace) history.replaceState(null, '', next);
  if (location.hash === next) render(); else if (!replace) location.hash = next; else render();
}

export function linkTo(page, changes = {}) {
  const params = new URLSearchParams(parseHash().params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name); else params.set(name, value);
  }
  return hashFor(page, params);
}

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Twelve whole months ending with the current one. */
function defaultRange() {
  const today = new Date();
  return { from: isoDate(new Date(today.getFullYear(), today.getMonth() - 11, 1)), to: isoDate(today) };
}

/** The regions and dealers this key may choose, as {value: 'region:X' | 'dealer:Y' | 'group', label}. */
function scopeChoices() {
  const regions = [...new Set(directory.map((d) => d.region))].sort();
  const dealerChoice = (d) => ({ value: `dealer:${d.dealerId}`, label: `${d.dealerId} · ${d.name}`, region: d.region });
  switch (me.role) {
    case 'ADMIN':
    case 'HQ':
      return [{ value: 'group', label: t('scope.group') },
        ...regions.map((r) => ({ value: `region:${r}`, label: r })),
        ...directory.map(dealerChoice)];
    case 'REGION_MANAGER':
      return [{ value: `region:${me.region}`, label: me.region },
        ...directory.filter((d) => d.region === me.region).map(dealerChoice)];
    default:
      return directory.filter((d) => d.dealerId === me.dealerId).map(dealerChoice);
  }
}

function defaultScope() {
  if (me.role === 'REGION_MANAGER') return `region:${me.region}`;
  if (me.role === 'DEALER') return `dealer:${me.dealerId}`;
  return 'group';
}

function chosenScope(params) {
  const wanted = params.get('dealerId') ? `dealer:${params.get('dealerId')}`
    : params.get('region') ? `region:${params.get('region')}` : 'group';
  return scopeChoices().some((c) => c.value === wanted) ? wanted : defaultScope();
}

function scopeParams(scope) {
  if (scope.startsWith('region:')) return { region: scope.slice(7), dealerId: null };
  if (scope.startsWith('dealer:')) return { dealerId: scope.slice(7), region: null };
  return { region: null, dealerId: null };
}

function allowed(name) {
  return Boolean(pages[name]) && (!pages[name].roles || pages[name].roles.includes(me.role));
}

function visiblePages() {
  return pageOrder.filter(allowed);
}

function renderSignIn() {
  disposeCharts();
  document.documentElement.lang = i18n.locale;
  document.title = t('app.title');
  app.innerHTML = `
    <main class="signin">
      <form id="signin-form" class="panel">
        <h1>${esc(t('app.title'))}</h1>
        <h2>${esc(t('signin.title'))}</h2>
        ${signInMessage ? `<p class="state error" id="signin-message">${esc(signInMessage)}</p>` : ''}
        <p>${esc(t('signin.prompt'))}</p>
        <label>${esc(t('signin.key'))}<input id="api-key" name="apiKey" type="password" autocomplete="off" required></label>
        <div class="row">
          <button type="submit" id="signin-submit">${esc(t('signin.submit'))}</button>
          ${languageToggle()}
        </div>
      </form>
    </main>`;
  bindLanguageToggle();
  document.getElementById('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    session.signIn(document.getElementById('api-key').value);
    signInMessage = '';
    await start();
  });
}

function languageToggle() {
  return `<div class="lang" role="group">
    <button type="button" data-lang="zh" class="${i18n.lang === 'zh' ? 'active' : ''}">中文</button>
    <button type="button" data-lang="en" class="${i18n.lang === 'en' ? 'active' : ''}">English</button></div>`;
}

function bindLanguageToggle() {
  app.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
    i18n.choose(button.dataset.lang);
    if (me) render(); else renderSignIn();
  }));
}

function renderShell(page, params, scope) {
  const range = { ...defaultRange(), ...Object.fromEntries(['from', 'to'].filter((n) => params.get(n)).map((n) => [n, params.get(n)])) };
  const choices = scopeChoices();
  const options = choices.map((c) => `<option value="${esc(c.value)}"${c.value === scope ? ' selected' : ''}>${esc(c.label)}</option>`).join('');
  const who = me.role === 'DEALER' ? me.dealerId : me.role === 'REGION_MANAGER' ? me.region : '';
  app.innerHTML = `
    <header class="top">
      <div class="brand">${esc(t('app.title'))}<span class="who">${esc(t(`role.${me.role}`))}${who ? ` · ${esc(who)}` : ''}</span></div>
      <form id="filters" class="filters">
        <label>${esc(t('filter.scope'))}<select id="scope" name="scope">${options}</select></label>
        <label>${esc(t('filter.from'))}<input id="from" type="date" name="from" value="${esc(range.from)}"></label>
        <label>${esc(t('filter.to'))}<input id="to" type="date" name="to" value="${esc(range.to)}"></label>
      </form>
      <div class="top-actions">
        ${languageToggle()}
        <a class="button-link" href="/swagger.html" target="_blank" rel="noopener">${esc(t('apiDocs'))}</a>
        <button type="button" id="signout">${esc(t('signout'))}</button>
      </div>
    </header>
    <nav class="pages">${visiblePages().map((name) =>
      `<a href="${esc(linkTo(name))}" data-page="${name}" class="${name === page || pages[page].under === name ? 'active' : ''}">${esc(t(`page.${name}`))}</a>`).join('')}</nav>
    <main id="content" class="content"></main>`;
  bindLanguageToggle();
  document.getElementById('signout').addEventListener('click', () => {
    session.signOut();
    me = null;
    location.hash = '';
    renderSignIn();
  });
  document.getElementById('scope').addEventListener('change', (event) => navigate(null, scopeParams(event.target.value)));
  for (const name of ['from', 'to']) {
    document.getElementById(name).addEventListener('change', (event) => navigate(null, { [name]: event.target.value }));
  }
  return range;
}

async function render() {
  if (!me) return;
  const current = ++renderCount;
  disposeCharts();
  document.documentElement.lang = i18n.locale;
  const { params } = parseHash();
  let { page } = parseHash();
  if (!allowed(page)) page = 'overview';
  document.title = `${t(`page.${page}`)} · ${t('app.title')}`;
  const scope = chosenScope(params);
  const range = renderShell(page, params, scope);
  const content = document.getElementById('content');
  content.innerHTML = states.loading();
  const context = {
    me,
    directory,
    params,
    scope: scopeParams(scope),
    range,
    regions: [...new Set(directory.map((d) => d.region))].sort(),
    dealerName: (id) => directory.find((d) => d.dealerId === id)?.name ?? id,
    isCurrent: () => current === renderCount,
    navigate: (changes) => navigate(page, changes),
  };
  try {
    const html = await pages[page].render(context);
    if (current !== renderCount) return;
    content.innerHTML = html;
    pages[page].after?.(context);
    content.querySelectorAll('select[data-param]').forEach((picker) =>
      picker.addEventListener('change', () => navigate(page, { [picker.dataset.param]: picker.value })));
  } catch (e) {
    if (e instanceof SignedOut || current !== renderCount) return;
    content.innerHTML = states.error(e instanceof ApiError ? e.detail : e.message);
  }
}

async function loadDirectory() {
  const all = [];
  for (let page = 0; ; page++) {
    const listing = await api('/api/dealers', { page, size: 500 });
    all.push(...listing.items);
    if (all.length >= listing.total || listing.items.length === 0) break;
  }
  return all.sort((a, b) => a.dealerId.localeCompare(b.dealerId));
}

async function start() {
  if (!session.key()) {
    renderSignIn();
    return;
  }
  app.innerHTML = states.loading();
  try {
    me = await api('/api/me');
    directory = await loadDirectory();
    if (me.role === 'DEALER' && !me.region) me.region = directory.find((d) => d.dealerId === me.dealerId)?.region;
  } catch (e) {
    if (e instanceof SignedOut) return;
    me = null;
    signInMessage = e instanceof ApiError ? e.detail : e.message;
    session.signOut();
    renderSignIn();
    return;
  }
  render();
}

window.addEventListener('hashchange', () => render());
window.addEventListener('radar:signed-out', (event) => {
  me = null;
  signInMessage = `${t('signin.expired')} (${event.detail})`;
  renderSignIn();
});

start();
