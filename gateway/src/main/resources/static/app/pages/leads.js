// The leads behind a number (reached from missed prospects and work lists), and one lead in full.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, table, esc, states } from '../ui.js';
import { linkTo } from '../main.js';

const SIZE = 500;

export const leads = {
  under: 'missed',
  async render({ scope, range, params, dealerName }) {
    const filters = { status: params.get('status'), industry: params.get('industry'), channel: params.get('channel') };
    const listing = await api('/api/leads', { ...scope, ...filters, from: range.from, to: range.to, size: SIZE });
    // The API has no model filter; the model of a missed prospect is matched here, within the page read.
    const model = params.get('model');
    const items = model ? listing.items.filter((l) => l.model === model) : listing.items;
    const where = [scope.region, scope.dealerId, label(filters.industry), model, label(filters.status)]
      .filter((x) => x && x !== '—').join(' · ');
    if (!items.length) return section(`${t('page.leads')} · ${where}`, states.empty());
    const columns = [
      { title: t('work.lead'), cell: (l) => `<a href="${esc(linkTo('lead', { id: l.leadId }))}">${esc(l.leadId.slice(0, 12))}</a>` },
      { title: t('work.dealer'), cell: (l) => esc(`${l.dealerId} · ${dealerName(l.dealerId)}`) },
      { title: t('leads.occurredAt'), cell: (l) => esc(fmt.time(l.occurredAt)) },
      { title: t('leads.status'), cell: (l) => esc(label(l.status)) },
      { title: t('work.grade'), cell: (l) => esc(l.grade ?? '—') },
      { title: t('leads.channel'), cell: (l) => esc(label(l.channel)) },
      { title: t('leads.industry'), cell: (l) => esc(label(l.customer?.industry)) },
      { title: t('leads.organization'), cell: (l) => esc(l.customer?.organization ?? l.customer?.name ?? '') },
      { title: t('leads.model'), cell: (l) => esc(l.model ?? '') },
    ];
    const total = model ? items.length : listing.total;
    return section(`${t('page.leads')} · ${where} (${t('leads.total', { total: fmt.int(total) })})`, table(columns, items, { id: 'leads-table' }));
  },
};

export const lead = {
  under: 'missed',
  async render({ params, dealerName }) {
    const id = params.get('id');
    const [found, followUps] = await Promise.all([
      api(`/api/leads/${encodeURIComponent(id)}`),
      api('/api/follow-ups', { leadId: id, size: 100 }),
    ]);
    const facts = [
      [t('work.dealer'), `${found.dealerId} · ${dealerName(found.dealerId)}`], [t('missed.region'), found.region],
      [t('leads.status'), label(found.status)], [t('work.grade'), found.grade], [t('leads.channel'), label(found.channel)],
      [t('leads.industry'), label(found.customer?.industry)], [t('leads.organization'), found.customer?.organization ?? found.customer?.name],
      [t('leads.model'), found.model], [t('leads.occurredAt'), fmt.time(found.occurredAt)],
    ].map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v ?? '—')}</dd>`).join('');
    const list = followUps.items ?? followUps;
    const history = list.length ? table([
      { title: t('leads.occurredAt'), cell: (f) => esc(fmt.time(f.occurredAt)) },
      { title: t('work.kind'), cell: (f) => esc(label(f.type)) },
      { title: t('leads.status'), cell: (f) => esc(label(f.outcome)) },
      { title: t('speed.key'), cell: (f) => esc(f.consultant ?? '') },
    ], list) : states.empty();
    return section(`${t('page.lead')} · ${id}`, `<dl class="facts-list">${facts}</dl>`) + section(t('lead.followUps'), history);
  },
};
