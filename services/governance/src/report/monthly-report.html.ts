import type { MonthlyReport } from './monthly-report.js';

/**
 * The report as the street office reads it: a self-contained HTML page (no script, no external resource), with
 * its charts as inline SVG, so it prints, mails and archives as one file.
 */
const RATING: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Integer fen as yuan with two decimals and thousands separators: 1234500 → "12,345.00". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

interface Bar {
  label: string;
  value: number;
  text: string;
}

/** A horizontal bar chart; `data-chart` names it and every bar carries `data-value` (the test reads them). */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const width = 780;
  // Room for the longest label (CJK characters are about 13 px at this size), within bounds.
  const labelWidth = Math.min(340, Math.max(100, 14 * Math.max(0, ...bars.map((b) => [...b.label].length)) + 12));
  const row = 28;
  const height = Math.max(1, bars.length) * row + 36;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars
    .map((bar, i) => {
      const y = 28 + i * row;
      const w = Math.round(((width - labelWidth - 90) * bar.value) / max);
      return (
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(bar.label)}</text>` +
        `<rect class="bar" data-value="${bar.value}" x="${labelWidth}" y="${y}" width="${Math.max(w, bar.value > 0 ? 2 : 0)}" height="${row - 8}" rx="3"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}" class="value">${escapeHtml(bar.text)}</text>`
      );
    })
    .join('');
  const empty = bars.length === 0 ? `<text x="${labelWidth}" y="44" class="label">（本月无数据）</text>` : '';
  return (
    `<figure><svg data-chart="${id}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<text x="0" y="16" class="title">${escapeHtml(title)}</text>${body}${empty}</svg></figure>`
  );
}

function list(items: readonly string[], none: string): string {
  return items.length === 0 ? `<p class="none">${none}</p>` : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

export function renderMonthlyReportHtml(report: MonthlyReport): string {
  const [year, month] = report.month.split('-').map(Number) as [number, number];
  const title = `${report.streetName}${year}年${month}月共建情况通报`;
  const b = report.basics;
  const e = escapeHtml;
  // One line per theme (a street usually sets one for every pairing), with the units that took it up.
  const byTheme = new Map<string, string[]>();
  for (const t of b.themes) byTheme.set(t.theme, [...(byTheme.get(t.theme) ?? []), `${e(t.organisationName)}（${e(t.communityName)}）`]);
  const themes = list(
    [...byTheme].map(([theme, units]) => `“${e(theme)}”：${units.length} 个结对——${units.join('、')}`),
    '本月未设定主题。',
  );
  const highlights = list(
    report.highlights.map(
      (h) => `${e(h.heldOn)}，${e(h.organisationName)}在${e(h.communityName)}开展“${e(h.title)}”${h.theme ? `（${e(h.theme)}）` : ''}，${h.participants}人参与。`,
    ),
    '本月无共建活动。',
  );
  const funds = report.funds.byOrganisation
    .map((o) => `<tr><td>${e(o.organisationName)}</td><td class="num">${yuan(o.pledgedFen)}</td><td class="num">${yuan(o.disbursedFen)}</td></tr>`)
    .join('');
  const assessments = report.assessments
    .map(
      (a) =>
        `<tr><td>${e(a.communityName)}</td><td>${e(a.compoundName)}</td><td>${e(a.quarter)}</td><td>${(a.scoreHundredths / 100).toFixed(2)}</td>` +
        `<td class="rating-${e(a.rating)}">${RATING[a.rating] ?? e(a.rating)}</td></tr>`,
    )
    .join('');
  const s = report.shortfalls;
  const ratings = ['excellent', 'good', 'pass', 'fail'].map((r) => ({
    label: RATING[r]!,
    value: report.assessments.filter((a) => a.rating === r).length,
    text: `${report.assessments.filter((a) => a.rating === r).length} 个`,
  }));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 860px; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.7; }
  h1 { text-align: center; font-size: 1.6rem; color: #b71c1c; border-bottom: 2px solid #b71c1c; padding-bottom: .5rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  .meta { text-align: center; color: #666; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: .3rem .5rem; } th { background: #f5f5f5; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .rating-fail { color: #b71c1c; font-weight: bold; }
  svg .bar { fill: #c62828; } svg .label, svg .value { font-size: 13px; fill: #333; } svg .title { font-size: 14px; font-weight: bold; }
  .none { color: #888; }
  figure { margin: 1rem 0; }
</style>
</head>
<body>
<h1>${e(title)}</h1>
<p class="meta">统计期间：${e(report.month)}（北京时间） · 数据来源：社区共建共治共享平台（cogov）</p>

<h2 id="basics">一、基本情况</h2>
<p>本月，${e(report.streetName)}共有 <strong>${b.unitsTakingPart}</strong> 家驻区单位（结对单位共 ${b.unitsPaired} 家）围绕每月主题开展共建活动
<strong>${b.activities}</strong> 场，单位职工参与 <strong>${b.staffTakingPart}</strong> 人次、居民参与 <strong>${b.residentsTakingPart}</strong> 人次；
志愿服务时长 ${b.volunteerHours} 小时；受理居民诉求 ${b.appealsFiled} 件，办结 ${b.appealsResolved} 件。</p>
<p>本月主题：</p>
${themes}
${barChart('participants', '各社区共建活动参与人次', report.communities.map((c) => ({ label: c.communityName, value: c.participants, text: `${c.participants} 人次 / ${c.activities} 场` })))}

<h2 id="highlights">二、工作亮点</h2>
${highlights}

<h2 id="funds">三、共建资金</h2>
<p>本月拨付共建资金 <strong>${yuan(report.funds.disbursedFen)}</strong> 元；在册结对认捐资金合计 ${yuan(report.funds.pledgedFen)} 元。</p>
${funds ? `<table><thead><tr><th>单位</th><th>认捐（元）</th><th>本月拨付（元）</th></tr></thead><tbody>${funds}</tbody></table>` : '<p class="none">本月无结对资金。</p>'}
${barChart('funds', '各单位本月拨付资金（元）', report.funds.byOrganisation.filter((o) => o.disbursedFen > 0).map((o) => ({ label: o.organisationName, value: o.disbursedFen, text: yuan(o.disbursedFen) })))}

<h2 id="assessments">四、物业服务考评</h2>
${assessments ? `<table><thead><tr><th>社区</th><th>小区</th><th>季度</th><th>得分</th><th>等次</th></tr></thead><tbody>${assessments}</tbody></table>` : '<p class="none">本月无考评结果。</p>'}
${barChart('ratings', '考评等次分布', ratings)}

<h2 id="committees">五、业主委员会组建</h2>
${list(report.committeesFiled.map((c) => `${e(c.communityName)}${e(c.compoundName)}业主委员会完成备案（备案号 ${e(c.filingNumber)}）。`), '本月无业主委员会备案。')}

<h2 id="shortfalls">六、存在不足</h2>
<p>未开展活动的结对单位：</p>
${list(s.unitsWithoutActivity.map((u) => `${e(u.organisationName)}（${e(u.communityName)}）`), '无。')}
<p>无工作记录的兼职委员：</p>
${list(s.cadresWithoutRecord.map((c) => `${e(c.communityName)}兼职委员（编号 ${e(c.cadreId.slice(-6))}，来自${e(c.pairedUnitName)}）`), '无。')}
<p>物业服务考评不合格的小区：</p>
${list(s.compoundsRatedFail.map((c) => `${e(c.communityName)}${e(c.compoundName)}（${e(c.quarter)}）`), '无。')}
</body>
</html>
`;
}
