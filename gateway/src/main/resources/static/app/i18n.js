// Two languages, English and zh-CN, with the domain's own words. The browser's preference is the
// default; a choice made in the page is kept for the browser.

const LANG_ITEM = 'radar.lang';

const en = {
  'app.title': 'Dealer Radar',
  'signin.title': 'Sign in',
  'signin.prompt': 'Paste your API key. It is kept for this browser tab only.',
  'signin.key': 'API key',
  'signin.submit': 'Sign in',
  'signin.expired': 'Your key was refused; sign in again.',
  'signout': 'Sign out',
  'apiDocs': 'API reference',
  'loading': 'Loading…',
  'empty': 'Nothing in this scope and period.',
  'error': 'The request failed',
  'pickUnit': 'Choose a region or a dealer above to see this list.',
  'pickRegion': 'Choose a region to see its missed prospects.',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.scope': 'Scope',
  'filter.apply': 'Apply',
  'scope.group': 'Whole group',
  'scope.region': 'Region',
  'scope.dealer': 'Dealer',
  'role.ADMIN': 'Admin', 'role.HQ': 'Headquarters', 'role.REGION_MANAGER': 'Regional manager', 'role.DEALER': 'Dealer',
  'page.overview': 'Overview', 'page.funnel': 'Funnel', 'page.channels': 'Channels', 'page.speed': 'Speed to lead',
  'page.defeats': 'Lost sales', 'page.comparison': 'Comparison', 'page.missed': 'Missed prospects',
  'page.benchmark': 'Dealer benchmark', 'page.work': 'Work lists', 'page.leads': 'Leads', 'page.lead': 'Lead',
  'm.captured': 'Leads captured (traffic)', 'm.invalid': 'Invalid', 'm.leads': 'Valid leads', 'm.won': 'Won',
  'm.potential': 'Potential', 'm.defeated': 'Defeated', 'm.atRisk': 'At risk', 'm.defeatedConfirmed': 'Defeated (confirmed)',
  'm.pendingDefeats': 'Losses awaiting callback', 'm.spend': 'Marketing spend', 'm.costPerLead': 'Cost per lead',
  'm.defeatedSpend': 'Spend on defeated leads', 'm.vehiclesSold': 'Vehicles sold',
  'overview.story': '{captured} leads, {spend} → {costPerLead} per lead, {defeatedSpend} on defeated leads.',
  'overview.noSpend': 'No marketing spend recorded for this scope and period.',
  'overview.trend': 'Monthly trend', 'overview.month': 'Month', 'overview.pickMonth': 'Show this month',
  'funnel.groupBy': 'Group by', 'funnel.key': 'Group', 'funnel.traffic': 'Traffic', 'funnel.kept': 'Kept',
  'funnel.followed': 'Followed', 'funnel.won': 'Won', 'funnel.keepRate': 'Keep', 'funnel.followRate': 'Follow',
  'funnel.convertRate': 'Convert', 'funnel.closeRate': 'Close rate', 'funnel.weakest': 'Weakest stage',
  'funnel.median': 'Median of the rows', 'funnel.total': 'Total',
  'funnel.weakestNote': '{stage}: {rate} vs median {median}',
  'groupBy.dealer': 'Dealer', 'groupBy.region': 'Region', 'groupBy.channel': 'Channel', 'groupBy.model': 'Model',
  'groupBy.industry': 'Industry', 'groupBy.consultant': 'Consultant',
  'channels.channel': 'Channel', 'channels.captured': 'Captured', 'channels.invalidRate': 'Invalid share',
  'channels.leads': 'Valid leads', 'channels.won': 'Won', 'channels.conversionRate': 'Conversion',
  'channels.spend': 'Spend', 'channels.costPerLead': 'Cost per lead', 'channels.costPerWon': 'Cost per won',
  'speed.key': 'Group', 'speed.leads': 'Leads', 'speed.reached': 'Reached', 'speed.median': 'Median (min)',
  'speed.p90': 'p90 (min)', 'speed.withinHour': 'Reached within 1 h',
  'defeats.reported': 'Losses reported', 'defeats.confirmed': 'Confirmed', 'defeats.reversed': 'Reversed (false)',
  'defeats.falseDefeatRate': 'False-defeat rate', 'defeats.pendingCallbacks': 'Callbacks pending',
  'defeats.overdueCallbacks': 'Callbacks overdue', 'defeats.byReason': 'Why customers did not buy here (actual reason after callback)',
  'defeats.reportedVsActual': 'Reported reason vs actual reason after callback (latest 500 reports)',
  'defeats.reportedReason': 'Reported', 'defeats.actualReason': 'Actual after callback',
  'defeats.byCompetitor': 'Bought instead (brand)', 'defeats.byModel': 'Bought instead (model)', 'defeats.bySubtype': 'Subtypes',
  'defeats.ratings': 'Average rating per sales step (1–5)', 'defeats.perDealer': 'False-defeat rate per dealer',
  'defeats.sameGroup': 'Lost to another dealer of the group (not a loss for the group)',
  'defeats.count': 'Count', 'defeats.dealer': 'Dealer',
  'rating.reception': 'Reception', 'rating.needsAnalysis': 'Needs analysis', 'rating.presentation': 'Presentation',
  'rating.testDrive': 'Test drive', 'rating.negotiation': 'Negotiation', 'rating.followUp': 'Follow-up',
  'comparison.dimension': 'Values', 'comparison.measure': 'Show', 'comparison.won': 'Deals', 'comparison.closeRate': 'Close rate',
  'comparison.leads': 'Leads', 'comparison.region': 'Region',
  'dimension.industry': 'Industry', 'dimension.model': 'Model', 'dimension.channel': 'Channel', 'dimension.industryModel': 'Industry × model',
  'missed.region': 'Region', 'missed.value': 'Value', 'missed.score': 'Score', 'missed.here': 'Here',
  'missed.expected': 'Expected deals', 'missed.peers': 'Peer regions', 'missed.openLeads': 'Open leads here to work',
  'missed.organizations': 'Organizations', 'missed.models': 'Models', 'missed.kind.untouched': 'Untouched (行业空白)',
  'missed.kind.unconverted': 'Unconverted', 'missed.leadsWon': '{leads} leads, {won} won', 'missed.seeLeads': 'leads',
  'missed.none': 'No missed prospects: this region does as well as its peers.',
  'benchmark.metric': 'Metric', 'benchmark.rank': 'Rank', 'benchmark.dealer': 'Dealer', 'benchmark.value': 'Value',
  'benchmark.interval': '95% interval', 'benchmark.n': 'Leads', 'benchmark.median': 'Regional median',
  'metric.closeRate': 'Close rate', 'metric.keepRate': 'Keep rate', 'metric.followRate': 'Follow rate', 'metric.convertRate': 'Convert rate',
  'work.due': 'Follow-ups due (回访 / 跟踪)', 'work.atRisk': 'At-risk candidates', 'work.callbacks': 'Defeat callbacks due',
  'work.lead': 'Lead', 'work.dealer': 'Dealer', 'work.grade': 'Grade', 'work.dueAt': 'Due', 'work.lastReached': 'Last reached',
  'work.overdue': 'Overdue', 'work.reasons': 'Why', 'work.window': 'Window ended', 'work.callbackDue': 'Callback due',
  'work.reported': 'Reported', 'work.kind': 'Kind', 'work.total': '{total} in all', 'work.yes': 'overdue', 'work.no': 'due',
  'leads.status': 'Status', 'leads.channel': 'Channel', 'leads.industry': 'Industry', 'leads.organization': 'Organization',
  'leads.model': 'Model', 'leads.occurredAt': 'Captured', 'leads.total': '{total} leads',
  'lead.followUps': 'Follow-ups', 'lead.defeats': 'Lost-sale reports',
};

const zh = {
  'app.title': '经销商雷达',
  'signin.title': '登录',
  'signin.prompt': '粘贴您的 API 密钥。密钥只保存在当前浏览器标签页中。',
  'signin.key': 'API 密钥',
  'signin.submit': '登录',
  'signin.expired': '密钥已被拒绝，请重新登录。',
  'signout': '退出',
  'apiDocs': 'API 文档',
  'loading': '加载中…',
  'empty': '当前范围和时间段内没有数据。',
  'error': '请求失败',
  'pickUnit': '请在上方选择区域或经销商以查看此列表。',
  'pickRegion': '请选择一个区域以查看其潜在商机。',
  'filter.from': '开始', 'filter.to': '结束', 'filter.scope': '范围', 'filter.apply': '应用',
  'scope.group': '集团全部', 'scope.region': '区域', 'scope.dealer': '经销商',
  'role.ADMIN': '管理员', 'role.HQ': '集团总部', 'role.REGION_MANAGER': '区域经理', 'role.DEALER': '经销商',
  'page.overview': '总览', 'page.funnel': '销售漏斗', 'page.channels': '渠道', 'page.speed': '首次响应',
  'page.defeats': '战败分析', 'page.comparison': '区域对比', 'page.missed': '潜在商机',
  'page.benchmark': '经销商对标', 'page.work': '工作清单', 'page.leads': '线索', 'page.lead': '线索详情',
  'm.captured': '集客量', 'm.invalid': '无效线索', 'm.leads': '有效线索', 'm.won': '成交',
  'm.potential': '潜在', 'm.defeated': '战败（含准战败）', 'm.atRisk': '准战败', 'm.defeatedConfirmed': '战败',
  'm.pendingDefeats': '待回访战败', 'm.spend': '营销费用', 'm.costPerLead': '单条线索成本',
  'm.defeatedSpend': '战败线索费用', 'm.vehiclesSold': '成交台数',
  'overview.story': '集客 {captured} 组，营销费用 {spend} → 单条线索成本 {costPerLead}，战败线索费用 {defeatedSpend}。',
  'overview.noSpend': '此范围和时间段没有营销费用记录。',
  'overview.trend': '月度趋势', 'overview.month': '月份', 'overview.pickMonth': '查看该月',
  'funnel.groupBy': '分组', 'funnel.key': '分组', 'funnel.traffic': '集客量', 'funnel.kept': '留档',
  'funnel.followed': '跟踪互动', 'funnel.won': '成交', 'funnel.keepRate': '留档率', 'funnel.followRate': '跟踪率',
  'funnel.convertRate': '转化率', 'funnel.closeRate': '成交率', 'funnel.weakest': '最弱环节',
  'funnel.median': '各行中位数', 'funnel.total': '合计',
  'funnel.weakestNote': '{stage}：{rate}，中位数 {median}',
  'groupBy.dealer': '经销商', 'groupBy.region': '区域', 'groupBy.channel': '渠道', 'groupBy.model': '车型',
  'groupBy.industry': '行业', 'groupBy.consultant': '销售顾问',
  'channels.channel': '渠道', 'channels.captured': '集客量', 'channels.invalidRate': '无效占比',
  'channels.leads': '有效线索', 'channels.won': '成交', 'channels.conversionRate': '转化率',
  'channels.spend': '营销费用', 'channels.costPerLead': '单条线索成本', 'channels.costPerWon': '单台成交成本',
  'speed.key': '分组', 'speed.leads': '线索', 'speed.reached': '已联系', 'speed.median': '中位数（分钟）',
  'speed.p90': 'P90（分钟）', 'speed.withinHour': '1 小时内联系',
  'defeats.reported': '上报战败', 'defeats.confirmed': '确认', 'defeats.reversed': '虚假战败（已撤销）',
  'defeats.falseDefeatRate': '虚假战败率', 'defeats.pendingCallbacks': '待回访',
  'defeats.overdueCallbacks': '回访逾期', 'defeats.byReason': '战败原因（回访后以实际原因为准）',
  'defeats.reportedVsActual': '上报原因与回访实际原因对比（最近 500 条）',
  'defeats.reportedReason': '上报', 'defeats.actualReason': '回访实际',
  'defeats.byCompetitor': '购买竞品品牌', 'defeats.byModel': '购买竞品车型', 'defeats.bySubtype': '战败细分',
  'defeats.ratings': '各销售环节平均评分（1–5）', 'defeats.perDealer': '各经销商虚假战败率',
  'defeats.sameGroup': '流向集团内其他经销商（对集团不算战败）',
  'defeats.count': '数量', 'defeats.dealer': '经销商',
  'rating.reception': '接待', 'rating.needsAnalysis': '需求分析', 'rating.presentation': '产品介绍',
  'rating.testDrive': '试乘试驾', 'rating.negotiation': '报价谈判', 'rating.followUp': '跟踪回访',
  'comparison.dimension': '对比维度', 'comparison.measure': '显示', 'comparison.won': '成交', 'comparison.closeRate': '成交率',
  'comparison.leads': '集客量', 'comparison.region': '区域',
  'dimension.industry': '行业', 'dimension.model': '车型', 'dimension.channel': '渠道', 'dimension.industryModel': '行业 × 车型',
  'missed.region': '区域', 'missed.value': '对象', 'missed.score': '得分', 'missed.here': '本区域',
  'missed.expected': '应有成交', 'missed.peers': '其他区域', 'missed.openLeads': '本区域待跟进的潜在客户',
  'missed.organizations': '单位', 'missed.models': '车型', 'missed.kind.untouched': '行业空白',
  'missed.kind.unconverted': '有集客未成交', 'missed.leadsWon': '集客 {leads} 组，成交 {won}', 'missed.seeLeads': '线索',
  'missed.none': '没有潜在商机：本区域与其他区域表现相当。',
  'benchmark.metric': '指标', 'benchmark.rank': '排名', 'benchmark.dealer': '经销商', 'benchmark.value': '数值',
  'benchmark.interval': '95% 区间', 'benchmark.n': '线索数', 'benchmark.median': '区域中位数',
  'metric.closeRate': '成交率', 'metric.keepRate': '留档率', 'metric.followRate': '跟踪率', 'metric.convertRate': '转化率',
  'work.due': '待跟进（到期 / 逾期）', 'work.atRisk': '准战败候选', 'work.callbacks': '待战败回访',
  'work.lead': '线索', 'work.dealer': '经销商', 'work.grade': '意向级别', 'work.dueAt': '到期时间', 'work.lastReached': '上次联系',
  'work.overdue': '逾期', 'work.reasons': '原因', 'work.window': '意向期结束', 'work.callbackDue': '回访到期',
  'work.reported': '上报时间', 'work.kind': '类型', 'work.total': '共 {total} 条', 'work.yes': '逾期', 'work.no': '到期',
  'leads.status': '状态', 'leads.channel': '渠道', 'leads.industry': '行业', 'leads.organization': '单位',
  'leads.model': '车型', 'leads.occurredAt': '集客时间', 'leads.total': '共 {total} 组',
  'lead.followUps': '跟踪记录', 'lead.defeats': '战败上报',
};

// Enumerations of the API, by their code.
const enums = {
  en: {
    OPEN: 'Open', WON: 'Won', INVALID: 'Invalid', AT_RISK: 'At risk', DEFEATED: 'Defeated',
    SHOWROOM: 'Showroom', PHONE: 'Phone', ONLINE: 'Online', EXHIBITION: 'Exhibition', REFERRAL: 'Referral',
    EXISTING_CUSTOMER: 'Existing customer', FLEET: 'Fleet', DRIVING_SCHOOL: 'Driving school', CANVASSING: 'Canvassing',
    EVENT: 'Event', OTHER: 'Other',
    JUSTICE: 'Justice', PUBLIC_SECURITY: 'Public security', POWER_UTILITY: 'Power utility', MINING_ENERGY: 'Mining & energy',
    GOVERNMENT: 'Government', EDUCATION: 'Education', HEALTHCARE: 'Healthcare', FINANCE: 'Finance', TELECOM: 'Telecom',
    LOGISTICS: 'Logistics', CONSTRUCTION: 'Construction', MANUFACTURING: 'Manufacturing', AGRICULTURE: 'Agriculture',
    TRANSPORT: 'Transport', RETAIL: 'Retail',
    PRICE: 'Price', BUDGET: 'Budget', PRODUCT_FIT: 'Product fit', DESIGN: 'Design', COMPETITOR_OFFER: 'Competitor offer',
    STOCK: 'Stock', DELIVERY_TIME: 'Delivery time', FINANCING: 'Financing', TRADE_IN: 'Trade-in',
    SALES_EXPERIENCE: 'Sales experience', LOCATION: 'Location', BRAND_PREFERENCE: 'Brand preference', PLAN_CHANGED: 'Plan changed',
    GAVE_UP: 'Gave up', LONG_UNCONVERTED: 'Long unconverted', MISJUDGED: 'Misjudged', BOUGHT_COMPETITOR: 'Bought a competitor',
    LOST_CONTACT: 'Lost contact', BOUGHT_SAME_BRAND_ELSEWHERE: 'Same brand elsewhere',
    PENDING_CALLBACK: 'Awaiting callback', CONFIRMED: 'Confirmed', REVERSED: 'Reversed',
    PAST_WINDOW: 'Past its window', LONG_OVERDUE: 'Long overdue',
    CALL: 'Call', SMS: 'SMS', WECHAT: 'WeChat', SHOWROOM_VISIT: 'Showroom visit', TEST_DRIVE: 'Test drive', HOME_VISIT: 'Home visit',
    EVENT_INVITATION: 'Event invitation', REACHED: 'Reached', NOT_REACHED: 'Not reached', APPOINTMENT_SET: 'Appointment set',
    VISITED: 'Visited', TEST_DRIVEN: 'Test driven', DECLINED: 'Declined',
  },
  zh: {
    OPEN: '潜在', WON: '成交', INVALID: '无效', AT_RISK: '准战败', DEFEATED: '战败',
    SHOWROOM: '展厅', PHONE: '电话', ONLINE: '网络', EXHIBITION: '车展外拓', REFERRAL: '转介绍',
    EXISTING_CUSTOMER: '老客户', FLEET: '大客户', DRIVING_SCHOOL: '驾校', CANVASSING: '扫街', EVENT: '活动', OTHER: '其他',
    JUSTICE: '司法', PUBLIC_SECURITY: '公安', POWER_UTILITY: '电力', MINING_ENERGY: '矿业能源', GOVERNMENT: '政府',
    EDUCATION: '教育', HEALTHCARE: '医疗', FINANCE: '金融', TELECOM: '通信', LOGISTICS: '物流', CONSTRUCTION: '建筑',
    MANUFACTURING: '制造', AGRICULTURE: '农牧', TRANSPORT: '交通运输', RETAIL: '零售',
    PRICE: '价格', BUDGET: '预算', PRODUCT_FIT: '产品不符', DESIGN: '外观设计', COMPETITOR_OFFER: '竞品优惠',
    STOCK: '库存', DELIVERY_TIME: '交车时间', FINANCING: '金融方案', TRADE_IN: '置换', SALES_EXPERIENCE: '销售体验',
    LOCATION: '地点', BRAND_PREFERENCE: '品牌偏好', PLAN_CHANGED: '计划变更',
    GAVE_UP: '放弃购买', LONG_UNCONVERTED: '长期未转化', MISJUDGED: '级别误判', BOUGHT_COMPETITOR: '购买竞品',
    LOST_CONTACT: '失联', BOUGHT_SAME_BRAND_ELSEWHERE: '他店购买同品牌',
    PENDING_CALLBACK: '待回访', CONFIRMED: '已确认', REVERSED: '虚假战败',
    PAST_WINDOW: '超过意向期', LONG_OVERDUE: '长期逾期',
    CALL: '电话', SMS: '短信', WECHAT: '微信', SHOWROOM_VISIT: '到店', TEST_DRIVE: '试驾', HOME_VISIT: '上门拜访',
    EVENT_INVITATION: '活动邀约', REACHED: '已联系', NOT_REACHED: '未接通', APPOINTMENT_SET: '已预约',
    VISITED: '已到店', TEST_DRIVEN: '已试驾', DECLINED: '拒绝',
  },
};

const dictionaries = { en, zh };

function preferred() {
  const chosen = localStorage.getItem(LANG_ITEM);
  if (chosen === 'en' || chosen === 'zh') return chosen;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const language of languages) {
    const code = language.toLowerCase();
    if (code.startsWith('zh')) return 'zh';
    if (code.startsWith('en')) return 'en';
  }
  return 'en';
}

let lang = preferred();

export const i18n = {
  get lang() { return lang; },
  get locale() { return lang === 'zh' ? 'zh-CN' : 'en'; },
  choose(next) { lang = next; localStorage.setItem(LANG_ITEM, next); },
};

/** A text by key, with {placeholders} filled in. */
export function t(key, values = {}) {
  const text = dictionaries[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** An API code (channel, industry, reason, status…) in words; unknown codes as they are. */
export function label(code) {
  if (code === null || code === undefined || code === '') return '—';
  return enums[lang][code] ?? code;
}

const dash = '—';

const formatters = new Map();

/** Building an Intl formatter costs far more than using one (a work list formats hundreds of times): one per locale and style. */
function formatter(Kind, style, options) {
  const key = `${Kind.name}|${i18n.locale}|${style}`;
  if (!formatters.has(key)) formatters.set(key, new Kind(i18n.locale, options));
  return formatters.get(key);
}

const money = (fraction) => formatter(Intl.NumberFormat, `cny${fraction}`, {
  style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: fraction, maximumFractionDigits: 2,
});

export const fmt = {
  int: (n) => (n === null || n === undefined ? dash : formatter(Intl.NumberFormat, 'int', {}).format(n)),
  cny: (n) => (n === null || n === undefined ? dash : money(Number.isInteger(n) ? 0 : 2).format(n)),
  pct: (r) => (r === null || r === undefined ? dash : formatter(Intl.NumberFormat, 'pct', {
    style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1,
  }).format(r)),
  num: (n, digits = 1) => (n === null || n === undefined ? dash : formatter(Intl.NumberFormat, `num${digits}`, {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(n)),
  time: (iso) => (iso ? formatter(Intl.DateTimeFormat, 'time', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai',
  }).format(new Date(iso)) : dash),
  month: (ym) => formatter(Intl.DateTimeFormat, 'month', { year: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${ym}-01T00:00:00Z`)),
};
