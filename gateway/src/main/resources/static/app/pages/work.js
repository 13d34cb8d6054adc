// What a dealer or a region has to do now: follow-ups due, at-risk candidates, defeat callbacks.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, table, esc, states } from '../ui.js';
import { linkTo } from '../main.js';

const SIZE = 100;

function untilEndOfToday() {
  const now = new Date(Date.now() + 8 * 3600_000);
  return `${now.toISOString().slice(0, 10)}T23:59:59+08:00`;
}

/** Most overdue first: the earliest due time leads. */
export function mostOverdueFirst(items, dueOf) {
  return [...items].sort((a, b) => new Date(dueOf(a)) - new Date(dueOf(b)));
}

export default {
  async render({ scope, dealerName }) {
    if (!scope.dealerId && !scope.region) return section(t('page.work'), states.empty(t('pickUnit')));
    const [due, atRisk, callbacks] = await Promise.all([
      api('/api/follow-ups/due', { ...scope, until: untilEndOfToday(), size: SIZE }),
      api('/api/follow-ups/at-risk-candidates', { ...scope, size: SIZE }),
      api('/api/defeats/callbacks/due', { ...scope, size: SIZE }),
    ]);
    const lead = (id) => `<a href="${esc(linkTo('lead', { id }))}">${esc(id.slice(0, 12))}</a>`;
    const dealer = { title: t('work.dealer'), cell: (r) => esc(`${r.dealerId} · ${dealerName(r.dealerId)}`) };
    const block = (title, listing, columns, dueOf, id) => section(`${title} (${t('work.total', { total: fmt.int(listing.total) })})`,
      listing.items.length ? table(columns, mostOverdueFirst(listing.items, dueOf), { id }) : states.empty(), '');
    return block(t('work.due'), due, [
      { title: t('work.lead'), cell: (r) => lead(r.leadId) }, dealer,
      { title: t('work.grade'), cell: (r) => esc(r.grade ?? '—') },
      { title: t('work.lastReached'), cell: (r) => esc(fmt.time(r.lastReachedAt)) },
      { title: t('work.dueAt'), cell: (r) => esc(fmt.time(r.dueAt)) },
      { title: t('work.overdue'), cell: (r) => `<span class="tag ${r.overdue ? 'untouched' : ''}">${esc(r.overdue ? t('work.yes') : t('work.no'))}</span>` },
    ], (r) => r.dueAt, 'due-table')
    + block(t('work.atRisk'), atRisk, [
      { title: t('work.lead'), cell: (r) => lead(r.leadId) }, dealer,
      { title: t('work.grade'), cell: (r) => esc(r.grade ?? '—') },
      { title: t('work.lastReached'), cell: (r) => esc(fmt.time(r.lastReachedAt)) },
      { title: t('work.window'), cell: (r) => esc(fmt.time(r.windowEndsAt)) },
      { title: t('work.reasons'), cell: (r) => esc((r.reasons ?? []).map(label).join('、')) },
    ], (r) => r.dueAt ?? r.windowEndsAt, 'at-risk-table')
    + block(t('work.callbacks'), callbacks, [
      { title: t('work.lead'), cell: (r) => lead(r.leadId) }, dealer,
      { title: t('work.kind'), cell: (r) => esc(`${label(r.kind)} · ${label(r.subtype)}`) },
      { title: t('work.reported'), cell: (r) => esc(fmt.time(r.occurredAt)) },
      { title: t('work.callbackDue'), cell: (r) => esc(fmt.time(r.callbackDueAt)) },
    ], (r) => r.callbackDueAt, 'callbacks-table');
  },
};
