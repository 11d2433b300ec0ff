import ExcelJS from 'exceljs';
import type { BatchSummary } from './batch-summary.js';
import { codeCellsOf, safeCell, type OutputLayout } from './format-rows.js';
import type { ResultWords } from './result-words.js';
import type { WrittenResult } from './row-result.js';

const SCORE = '0.0';
const GAIN = '+0.0;-0.0;0';

const WORDS = {
  fr: {
    results: 'résultats', summary: 'synthèse', row: 'Ligne', name: 'Organisation', id: 'Votre référence', global: 'Score global',
    action: (k: number) => `Action suggérée ${k}`, gain: (k: number) => `Gain ${k} (points)`, problems: 'Problèmes et avertissements',
    forScripts: 'Pour les scripts :', counts: 'Lignes', read: 'lues', scored: 'notées', warned: 'dont avec un avertissement', rejected: 'rejetées',
    score: 'Score', mean: 'Moyenne', organisations: 'Organisations', gaps: 'Écarts les plus partagés', indicator: 'Indicateur', pillar: 'Pilier',
    available: 'Points encore disponibles (moyenne)', below50: 'Organisations sous 50',
  },
  en: {
    results: 'results', summary: 'summary', row: 'Row', name: 'Organisation', id: 'Your reference', global: 'Global score',
    action: (k: number) => `Suggested action ${k}`, gain: (k: number) => `Gain ${k} (points)`, problems: 'Problems and warnings',
    forScripts: 'For scripts:', counts: 'Rows', read: 'read', scored: 'scored', warned: 'of which with a warning', rejected: 'rejected',
    score: 'Score', mean: 'Mean', organisations: 'Organisations', gaps: 'Gaps most shared', indicator: 'Indicator', pillar: 'Pillar',
    available: 'Points still available (mean)', below50: 'Organisations below 50',
  },
} as const;

const BANDS = ['0–20', '20–40', '40–60', '60–80', '80–100'];

/**
 * Results as a reader opens them in Excel: one sheet of results (the organisation's name, its
 * scores as numbers, the suggested actions by their titles with their gains, problems in words,
 * then the indicators; the ids and codes for scripts in the last columns, as the CSV has them),
 * and a summary sheet (counts, mean and distribution per pillar, the gaps most shared).
 */
export class XlsxResults {
  private readonly sheet: ExcelJS.Worksheet;
  /** Per indicator: organisations scored on it, points still available, how many below 50. */
  private readonly gaps = new Map<string, { count: number; available: number; below50: number }>();

  constructor(private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter, private readonly layout: OutputLayout, private readonly words: ResultWords, private readonly codeHeader: readonly string[]) {
    const w = WORDS[words.lang];
    this.sheet = workbook.addWorksheet(w.results, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    const head = [w.row, w.name, w.id, w.global, ...layout.pillars.map((p) => words.pillar(p))];
    for (let k = 1; k <= layout.suggestions; k++) head.push(w.action(k), w.gain(k));
    head.push(w.problems, ...layout.indicators.map((i) => words.indicator(i)), ...codeHeader.map((c) => `${c}`));
    this.sheet.columns = head.map((_, i) => ({ width: this.widthOf(i) }));
    const header = this.sheet.addRow(head);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.commit();
  }

  write(r: WrittenResult): void {
    const { layout, words } = this;
    const cells: (string | number | null)[] = [r.row, r.name ? safeCell(r.name) : null, safeCell(r.id), r.ok ? r.global : null];
    for (const p of layout.pillars) cells.push(r.ok ? r.pillars[p] ?? null : null);
    for (let k = 0; k < layout.suggestions; k++) {
      const action = r.ok ? r.suggestions[k] : undefined;
      cells.push(action ? words.action(action) : null, action && r.ok ? r.gains[k] ?? null : null);
    }
    const problems = r.ok ? r.warnings ?? [] : r.problems;
    cells.push(problems.length > 0 ? safeCell(problems.map((p) => words.problem(p)).join('\n')) : null);
    for (const i of layout.indicators) cells.push(r.ok ? r.indicators[i] ?? null : null);
    // Ids and codes, for scripts.
    cells.push(...codeCellsOf(layout, r));
    const row = this.sheet.addRow(cells);
    this.formatRow(row);
    row.commit();
    if (r.ok) this.countGaps(r.indicators);
  }

  /** The summary sheet, once every row is written. */
  finish(summary: BatchSummary): void {
    this.sheet.commit();
    const w = WORDS[this.words.lang];
    const sheet = this.workbook.addWorksheet(w.summary);
    sheet.columns = [{ width: 48 }, { width: 16 }, ...BANDS.map(() => ({ width: 10 })), { width: 22 }];
    const bold = (values: (string | number | null)[]) => (sheet.addRow(values).font = { bold: true });
    bold([w.counts]);
    sheet.addRow([w.read, summary.rows]);
    sheet.addRow([w.scored, summary.scored]);
    sheet.addRow([w.warned, summary.warned]);
    sheet.addRow([w.rejected, summary.rejected]);
    sheet.addRow([]);
    bold([w.score, w.mean, ...BANDS, w.organisations]);
    const stats = [[w.global, summary.global] as const, ...Object.entries(summary.pillars).map(([id, s]) => [this.words.pillar(id), s] as const)];
    for (const [title, s] of stats) sheet.addRow([title, s.mean, ...s.bands, s.count]).getCell(2).numFmt = SCORE;
    sheet.addRow([]);
    bold([w.gaps]);
    bold([w.indicator, w.available, w.below50, w.organisations]);
    const gaps = [...this.gaps].filter(([, g]) => g.count > 0).map(([id, g]) => ({ id, mean: Math.round((10 * g.available) / g.count) / 10, ...g }));
    gaps.sort((a, b) => b.mean - a.mean || a.id.localeCompare(b.id));
    for (const g of gaps) sheet.addRow([this.words.indicator(g.id), g.mean, g.below50, g.count]).getCell(2).numFmt = SCORE;
    sheet.commit();
  }

  private countGaps(indicators: Record<string, number | null>): void {
    for (const [id, score] of Object.entries(indicators)) {
      if (score === null) continue;
      let gap = this.gaps.get(id);
      if (!gap) this.gaps.set(id, (gap = { count: 0, available: 0, below50: 0 }));
      gap.count++;
      gap.available += 100 - score;
      if (score < 50) gap.below50++;
    }
  }

  private formatRow(row: ExcelJS.Row): void {
    const { layout } = this;
    // Columns: row, name, reference, global (4), the pillars, then each action and its gain, the problems, the indicators.
    for (let i = 4; i <= 4 + layout.pillars.length; i++) row.getCell(i).numFmt = SCORE;
    const firstGain = 6 + layout.pillars.length;
    for (let k = 0; k < layout.suggestions; k++) row.getCell(firstGain + 2 * k).numFmt = GAIN;
    const problems = firstGain - 1 + 2 * layout.suggestions;
    row.getCell(problems).alignment = { wrapText: true, vertical: 'top' };
    for (let i = 1; i <= layout.indicators.length; i++) row.getCell(problems + i).numFmt = SCORE;
  }

  private widthOf(i: number): number {
    const { layout } = this;
    const firstAction = 4 + layout.pillars.length;
    if (i === 1) return 30;
    if (i >= firstAction && i < firstAction + 2 * layout.suggestions) return (i - firstAction) % 2 === 0 ? 40 : 10;
    if (i === firstAction + 2 * layout.suggestions) return 60;
    return 14;
  }
}
