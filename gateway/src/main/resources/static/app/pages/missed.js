// Missed prospects of a region, each with its evidence and links to the leads behind it.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, select, esc, states } from '../ui.js';
import { linkTo } from '../main.js';

const DIMENSIONS = ['industry', 'model', 'industryModel'];

/** Lead-list filters for a value of a dimension ("JUSTICE", "CS75 PLUS", "JUSTICE/CS75 PLUS"). */
function filtersFor(dimension, value) {
  if (dimension === 'industry') return { industry: value, model: null };
  if (dimension === 'model') return { model: value, industry: null };
  const [industry, ...model] = value.split('/');
  return { industry, model: model.join('/') };
}

function valueName(dimension, value) {
  if (dimension === 'industry') return label(value);
  if (dimension === 'model') return value;
  const [industry, ...model] = value.split('/');
  return `${label(industry)} · ${model.join('/')}`;
}

export default {
  roles: ['ADMIN', 'HQ', 'REGION_MANAGER'],
  async render({ scope, range, params, regions, me, dealerName }) {
    const dimension = DIMENSIONS.includes(params.get('dimension')) ? params.get('dimension') : 'industry';
    const region = me.role === 'REGION_MANAGER' ? me.region
      : scope.region ?? params.get('missedRegion') ?? regions[0];
    const pickers = (me.role === 'REGION_MANAGER' || scope.region ? ''
      : select('missedRegion', regions.map((r) => [r, r]), region, t('missed.region')))
      + select('dimension', DIMENSIONS.map((d) => [d, t(`dimension.${d}`)]), dimension, t('comparison.dimension'));
    if (!region) return section(t('page.missed'), states.empty(t('pickRegion')), pickers);
    const found = await api('/api/analytics/missed-prospects', { region, dimension, from: range.from, to: range.to });
    if (!found.items.length) return section(`${t('page.missed')} · ${region}`, states.empty(t('missed.none')), pickers);
    const leadsLink = (where, value, extra = {}) => linkTo('leads', {
      region: where, dealerId: null, ...filtersFor(dimension, value), ...extra,
    });
    const items = found.items.map((item, index) => {
      const kind = item.here.leads * 2 < item.peers.reduce((n, p) => n + p.leads, 0) / Math.max(1, item.peers.length)
        ? 'untouched' : 'unconverted';
      const peers = item.peers.map((p) => `<tr>
          <td>${esc(p.region)}</td>
          <td class="num"><a href="${esc(leadsLink(p.region, item.value))}">${fmt.int(p.leads)}</a></td>
          <td class="num"><a href="${esc(leadsLink(p.region, item.value, { status: 'WON' }))}">${fmt.int(p.won)}</a></td>
          <td>${esc(p.organizations.join('、'))}</td>
          <td>${esc(p.models.join(', '))}</td></tr>`).join('');
      const open = item.here.openLeads.map((l) => `<li><a href="${esc(linkTo('lead', { id: l.leadId }))}">${esc(l.organization || l.leadId)}</a>
          <span class="muted">${esc(l.dealerId)} · ${esc(dealerName(l.dealerId))} · ${esc(l.grade ?? '')}</span></li>`).join('');
      return `<article class="prospect" data-value="${esc(item.value)}">
        <header><span class="rank">${index + 1}</span><h3>${esc(valueName(dimension, item.value))}</h3>
          <span class="tag ${kind}">${esc(t(`missed.kind.${kind}`))}</span>
          <span class="muted">${esc(t('missed.score'))} ${fmt.num(item.score, 1)}</span></header>
        <div class="facts">
          <div><strong>${esc(t('missed.here'))} (${esc(found.region)})</strong>
            <a href="${esc(leadsLink(found.region, item.value))}">${esc(t('missed.leadsWon', { leads: fmt.int(item.here.leads), won: fmt.int(item.here.won) }))}</a></div>
          <div><strong>${esc(t('missed.expected'))}</strong> ${fmt.num(item.expected.won, 1)}</div>
        </div>
        <div class="table-wrap"><table><thead><tr><th>${esc(t('missed.peers'))}</th><th class="num">${esc(t('comparison.leads'))}</th>
          <th class="num">${esc(t('comparison.won'))}</th><th>${esc(t('missed.organizations'))}</th><th>${esc(t('missed.models'))}</th></tr></thead>
          <tbody>${peers}</tbody></table></div>
        ${open ? `<h4>${esc(t('missed.openLeads'))}</h4><ul class="open-leads">${open}</ul>` : ''}
      </article>`;
    }).join('');
    return section(`${t('page.missed')} · ${found.region}`, items, pickers);
  },
};
