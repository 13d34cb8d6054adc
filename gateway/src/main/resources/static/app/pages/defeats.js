// Lost sales: why, to whom, how often a reported loss was false, and how the sales steps were rated.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { cards, section, table, chart, esc, states } from '../ui.js';

const STEPS = ['reception', 'needsAnalysis', 'presentation', 'testDrive', 'negotiation', 'followUp'];
const SAMPLE = 500;

/** Reported reasons next to the callback's actual ones, counted over a sample of loss reports. */
export function reportedVsActual(defeats) {
  const counts = new Map();
  const bump = (reason, side) => {
    const entry = counts.get(reason) ?? { reason, reported: 0, actual: 0 };
    entry[side] += 1;
    counts.set(reason, entry);
  };
  const models = new Map();
  for (const defeat of defeats) {
    (defeat.reasons ?? []).forEach((r) => bump(r, 'reported'));
    const answered = (defeat.callbacks ?? []).filter((c) => c.actualReasons?.length).at(-1);
    (answered ? answered.actualReasons : defeat.reasons ?? []).forEach((r) => bump(r, 'actual'));
    const bought = (defeat.callbacks ?? []).map((c) => c.boughtModel).filter(Boolean).at(-1) ?? defeat.competitorModel;
    if (bought && defeat.state !== 'REVERSED') models.set(bought, (models.get(bought) ?? 0) + 1);
  }
  return {
    reasons: [...counts.values()].sort((a, b) => b.actual - a.actual),
    models: [...models.entries()].map(([model, count]) => ({ model, count })).sort((a, b) => b.count - a.count).slice(0, 10),
  };
}

let view = null;

export default {
  async render({ scope, range, dealerName }) {
    const cohort = { from: range.from, to: range.to };
    const [summary, sample] = await Promise.all([
      api('/api/analytics/defeats', { ...scope, ...cohort }),
      api('/api/defeats', { ...scope, ...cohort, size: SAMPLE }),
    ]);
    const compared = reportedVsActual(sample.items);
    view = { summary, compared };
    if (!summary.reported) return section(t('page.defeats'), states.empty());
    const kpis = cards([
      { id: 'reported', title: t('defeats.reported'), value: fmt.int(summary.reported) },
      { id: 'confirmed', title: t('defeats.confirmed'), value: fmt.int(summary.confirmed) },
      { id: 'reversed', title: t('defeats.reversed'), value: fmt.int(summary.reversed) },
      { id: 'falseDefeatRate', title: t('defeats.falseDefeatRate'), value: fmt.pct(summary.falseDefeatRate), tone: 'bad' },
      { id: 'pendingCallbacks', title: t('defeats.pendingCallbacks'), value: fmt.int(summary.pendingCallbacks) },
      { id: 'overdueCallbacks', title: t('defeats.overdueCallbacks'), value: fmt.int(summary.overdueCallbacks), tone: 'bad' },
    ]);
    const ranked = (summary.byDealer ?? []).filter((d) => d.falseDefeatRate !== null);
    const perDealerTable = table([
      { title: t('defeats.dealer'), cell: (d) => esc(`${d.dealerId} · ${dealerName(d.dealerId)}`) },
      { title: t('defeats.reported'), num: true, cell: (d) => fmt.int(d.reported) },
      { title: t('defeats.reversed'), num: true, cell: (d) => fmt.int(d.reversed) },
      { title: t('defeats.falseDefeatRate'), num: true, cell: (d) => fmt.pct(d.falseDefeatRate) },
    ], ranked, { id: 'false-defeat-table' });
    const sameGroup = summary.sameGroupLosses ?? { count: 0, byDealer: [] };
    const sameGroupBody = sameGroup.count ? `<p class="big" id="same-group">${fmt.int(sameGroup.count)}</p>${table([
      { title: t('defeats.dealer'), cell: (d) => esc(`${d.dealerId} · ${dealerName(d.dealerId)}`) },
      { title: t('defeats.count'), num: true, cell: (d) => fmt.int(d.count) },
    ], sameGroup.byDealer)}` : `<p class="big" id="same-group">0</p>`;
    return `${kpis}
      <div class="split">
        ${section(t('defeats.byReason'), '<div id="reason-chart" class="chart"></div>')}
        ${section(t('defeats.reportedVsActual'), '<div id="compare-chart" class="chart"></div>')}
      </div>
      <div class="split three">
        ${section(t('defeats.byCompetitor'), '<div id="competitor-chart" class="chart"></div>')}
        ${section(t('defeats.byModel'), '<div id="model-chart" class="chart"></div>')}
        ${section(t('defeats.bySubtype'), '<div id="subtype-chart" class="chart"></div>')}
      </div>
      <div class="split">
        ${section(t('defeats.ratings'), '<div id="ratings-chart" class="chart"></div>')}
        ${section(t('defeats.sameGroup'), sameGroupBody)}
      </div>
      ${section(t('defeats.perDealer'), perDealerTable)}`;
  },
  after() {
    if (!view?.summary.reported) return;
    const { summary, compared } = view;
    const bars = (id, items, name, value, color) => chart(id, {
      tooltip: { trigger: 'axis' },
      grid: { left: 130, right: 30, top: 10, bottom: 25 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: items.map(name) },
      series: [{ type: 'bar', data: items.map(value), color }],
    }, Math.max(160, items.length * 26 + 40));
    bars('reason-chart', summary.byReason, (r) => label(r.reason), (r) => r.count, '#dc2626');
    bars('competitor-chart', summary.byCompetitor.slice(0, 10), (r) => r.brand, (r) => r.count, '#7c3aed');
    bars('model-chart', compared.models, (r) => r.model, (r) => r.count, '#a78bfa');
    chart('compare-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 130, right: 30, top: 30, bottom: 25 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: compared.reasons.map((r) => label(r.reason)) },
      series: [
        { name: t('defeats.reportedReason'), type: 'bar', data: compared.reasons.map((r) => r.reported), color: '#fca5a5' },
        { name: t('defeats.actualReason'), type: 'bar', data: compared.reasons.map((r) => r.actual), color: '#b91c1c' },
      ],
    }, Math.max(200, compared.reasons.length * 34 + 50));
    chart('subtype-chart', {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: summary.bySubtype.map((s) => ({ name: label(s.subtype), value: s.count })) }],
    }, 260);
    const ratings = summary.ratings ?? {};
    chart('ratings-chart', {
      tooltip: {},
      radar: { indicator: STEPS.map((s) => ({ name: `${t(`rating.${s}`)} ${fmt.num(ratings[s], 2)}`, max: 5 })), radius: '62%' },
      series: [{ type: 'radar', data: [{ value: STEPS.map((s) => ratings[s] ?? 0), name: t('defeats.ratings') }], color: '#2563eb', areaStyle: { opacity: 0.2 } }],
    }, 300);
  },
};
