import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { PlanDocument } from '../core/plan-document.js';
import { formatDecimal } from '../core/format-answer.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const require = createRequire(import.meta.url);
// DejaVu covers French and every symbol used (≥, →, €, « »); embedding it makes the PDF look the
// same everywhere.
const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const COLOR = { text: '#1f2937', muted: '#4b5563', accent: '#1f3a5f', today: '#7c8ea6', projected: '#2e7d32', rule: '#d1d5db', header: '#e8edf4' };
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };

/**
 * Lays a plan document out as an A4 PDF on `out`: cover, summary with a vector chart, pillars,
 * plan table, actions, timeline, review, appendix; embedded font, bookmarks, page numbers,
 * metadata, tagged structure. Resolves once everything is written.
 */
export function renderPlanPdf(document: PlanDocument, out: Writable): Promise<void> {
  const date = new Date(document.meta.date);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: document.lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    // Dates come from the plan, never from the clock: the same plan gives the same bytes.
    info: { Title: document.meta.title, Author: document.meta.author, Subject: document.meta.subject, Keywords: document.meta.keywords, Creator: 'impact-score', Producer: 'impact-score', CreationDate: date, ModDate: date },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = new Writer(doc, root);
  cover(w, document);
  summary(w, document);
  pillars(w, document);
  planTable(w, document);
  actions(w, document);
  timeline(w, document);
  review(w, document);
  appendix(w, document);
  root.end();
  pageNumbers(doc, document);
  doc.end();
  return done;
}

/** Small layout helpers over pdfkit that keep headings with their text and tag what they write. */
class Writer {
  constructor(readonly doc: Doc, readonly root: Struct) {}

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3, outline?: PDFKit.PDFOutline): PDFKit.PDFOutline | undefined {
    const size = level === 1 ? 18 : level === 2 ? 13.5 : 11;
    // A heading never ends a page: it needs room for itself and a few lines after it.
    this.room(size * 2 + 60);
    if (level === 1 && this.doc.y > MARGIN.top + 1) this.doc.moveDown(0.8);
    const item = outline ? outline.addItem(text) : level === 1 ? this.doc.outline.addItem(text) : undefined;
    this.doc.font('bold').fontSize(size).fillColor(level === 1 ? COLOR.accent : COLOR.text);
    this.doc.text(text, MARGIN.left, this.doc.y, { width: this.width, structParent: this.root, structType: `H${level}` } as PDFKit.Mixins.TextOptions);
    this.doc.moveDown(level === 1 ? 0.5 : 0.3);
    return item;
  }

  /** A paragraph; `label` keeps it with at least two lines of what follows (no orphan label). */
  paragraph(text: string, options: { size?: number; color?: string; bold?: boolean; indent?: number; label?: boolean } = {}): void {
    if (!text) return;
    const size = options.size ?? 10;
    this.doc.font(options.bold ? 'bold' : 'body').fontSize(size).fillColor(options.color ?? COLOR.text);
    const width = this.width - (options.indent ?? 0);
    // Room for two lines (measuring every paragraph would lay its text out twice); a longer one
    // flows onto the next page by itself.
    this.room(size * 2.5 + (options.label ? size * 3.5 : 0));
    this.doc.text(text, MARGIN.left + (options.indent ?? 0), this.doc.y, { width, structParent: this.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
    this.doc.moveDown(0.3);
  }

  bullets(items: readonly string[], indent = 0): void {
    for (const item of items) this.paragraph(`•  ${item}`, { indent: indent + 8 });
  }
}

function cover(w: Writer, d: PlanDocument): void {
  const { doc } = w;
  doc.y = 200;
  doc.outline.addItem(d.cover.title);
  doc.font('bold').fontSize(11).fillColor(COLOR.muted).text(d.labels.documentTitle.toUpperCase(), { characterSpacing: 1.5, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(26).fillColor(COLOR.accent).text(d.cover.organisation, { width: w.width, structParent: w.root, structType: 'H1' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.3);
  doc.font('body').fontSize(16).fillColor(COLOR.text).text(d.cover.title, { width: w.width, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(2);
  for (const line of d.cover.lines) w.paragraph(line, { size: 11, color: COLOR.muted });
  doc.addPage();
}

function summary(w: Writer, d: PlanDocument): void {
  w.heading(d.labels.summary, 1);
  w.paragraph(d.summary.intro, { size: 11 });
  const bars = [{ title: d.labels.global, today: d.summary.global.today, projected: d.summary.global.projected }, ...d.summary.pillars];
  const figure = w.doc.struct('Figure', { alt: d.labels.chartAlt }, () => chart(w, bars, d));
  w.root.add(figure); // Built with its content, it is already ended.
  for (const p of d.summary.pillars) {
    w.paragraph(p.title, { bold: true, size: 10.5, label: true });
    w.paragraph(p.sentence, { indent: 8 });
  }
}

function chart(w: Writer, bars: { title: string; today: number | null; projected: number | null }[], d: PlanDocument): void {
  const { doc } = w;
  const height = 170;
  w.room(height + 70);
  const top = doc.y + 10;
  const left = MARGIN.left + 28;
  const width = w.width - 28;
  const base = top + height;
  doc.font('body').fontSize(8).fillColor(COLOR.muted);
  for (const v of [0, 25, 50, 75, 100]) {
    const y = base - (v / 100) * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.text(String(v), MARGIN.left, y - 4, { width: 22, align: 'right', lineBreak: false });
  }
  const group = width / bars.length;
  const barWidth = Math.min(34, group / 3);
  bars.forEach((bar, i) => {
    const x = left + i * group + (group - barWidth * 2 - 6) / 2;
    const draw = (value: number | null, dx: number, color: string) => {
      if (value === null) return;
      const h = (value / 100) * height;
      doc.rect(x + dx, base - h, barWidth, h).fillColor(color).fill();
      doc.font('bold').fontSize(8).fillColor(COLOR.text).text(formatDecimal(value, d.lang), x + dx - 6, base - h - 11, { width: barWidth + 12, align: 'center', lineBreak: false });
    };
    draw(bar.today, 0, COLOR.today);
    draw(bar.projected, barWidth + 6, COLOR.projected);
    doc.font('body').fontSize(8).fillColor(COLOR.text).text(bar.title, left + i * group + 4, base + 6, { width: group - 8, align: 'center' });
  });
  const legendY = base + 40;
  [[d.labels.today, COLOR.today], [d.labels.projected, COLOR.projected]].forEach(([label, color], i) => {
    const x = left + i * 130;
    doc.rect(x, legendY, 10, 10).fillColor(color!).fill();
    doc.font('body').fontSize(9).fillColor(COLOR.text).text(label!, x + 15, legendY + 1, { lineBreak: false });
  });
  doc.x = MARGIN.left;
  doc.y = legendY + 24;
}

function pillars(w: Writer, d: PlanDocument): void {
  const outline = w.heading(d.labels.byPillar, 1);
  for (const p of d.pillars) {
    w.heading(p.title, 2, outline);
    for (const [label, list] of [[d.labels.strengths, p.strengths], [d.labels.gaps, p.gaps]] as const) {
      w.paragraph(label, { bold: true, label: true });
      if (list.length === 0) w.paragraph(d.labels.none, { indent: 8, color: COLOR.muted });
      for (const indicator of list) {
        w.paragraph(`${indicator.title} — ${indicator.score}`, { indent: 8, bold: true, size: 9.5, label: true });
        for (const reason of indicator.reasons) w.paragraph(reason, { indent: 16, size: 8.5, color: COLOR.muted });
      }
    }
    w.paragraph(d.labels.planActions, { bold: true, label: true });
    if (p.actions.length === 0) w.paragraph(d.labels.none, { indent: 8, color: COLOR.muted });
    w.bullets(p.actions);
  }
}

function planTable(w: Writer, d: PlanDocument): void {
  w.heading(d.labels.plan, 1);
  const { doc } = w;
  const fractions = [0.29, 0.2, 0.15, 0.13, 0.13, 0.1];
  const widths = fractions.map((f) => f * w.width);
  const pad = 4;
  const table = doc.struct('Table');
  w.root.add(table);
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(8.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - pad * 2 }))) + pad * 2;
  };
  const drawRow = (cells: readonly string[], header: boolean) => {
    const font = header ? 'bold' : 'body';
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (header) doc.rect(MARGIN.left, y, w.width, h).fillColor(COLOR.header).fill();
    const row = doc.struct('TR');
    table.add(row);
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(8.5).fillColor(COLOR.text);
      const tag = header ? 'TH' : 'TD';
      row.add(doc.struct(tag, {}, () => doc.text(cell, x + pad, y + pad, { width: widths[i]! - pad * 2 })));
      x += widths[i]!;
    });
    row.end();
    doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + w.width, y + h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.y = y + h;
  };
  // A row never splits, and a page that starts mid-table starts with the header again.
  w.room(rowHeight(d.table.headers, 'bold') + rowHeight(d.table.rows[0]?.cells ?? [''], 'body'));
  drawRow(d.table.headers, true);
  for (const row of d.table.rows) {
    if (doc.y + rowHeight(row.cells, 'body') > w.bottom) {
      doc.addPage();
      drawRow(d.table.headers, true);
    }
    drawRow(row.cells, false);
  }
  table.end();
  doc.x = MARGIN.left;
  doc.moveDown(0.8);
}

function actions(w: Writer, d: PlanDocument): void {
  const outline = w.heading(d.labels.actionsDetail, 1);
  for (const a of d.actions) {
    w.heading(a.title, 3, outline);
    w.paragraph(a.meta, { size: 8.5, color: COLOR.muted });
    if (a.target) w.paragraph(a.target, { size: 9 });
    w.paragraph(a.description, { size: 9.5 });
    if (a.firstSteps.length > 0) {
      w.paragraph(d.labels.firstSteps, { bold: true, size: 9.5, label: true });
      w.bullets(a.firstSteps);
    }
    if (a.testimony) {
      w.paragraph(`${d.labels.testimony} — ${a.testimony.who}`, { bold: true, size: 9.5, label: true });
      w.paragraph(a.testimony.what, { indent: 8, size: 9 });
      w.paragraph(a.testimony.changed, { indent: 8, size: 9 });
      w.paragraph(a.testimony.source, { indent: 8, size: 8, color: COLOR.muted });
    }
    if (a.resources.length > 0) {
      w.paragraph(d.labels.resources, { bold: true, size: 9.5, label: true });
      w.bullets(a.resources);
    }
    w.doc.moveDown(0.5);
  }
}

function timeline(w: Writer, d: PlanDocument): void {
  w.heading(d.labels.timeline, 1);
  for (const period of d.timeline) {
    w.paragraph(period.period, { bold: true, label: true });
    w.bullets(period.items);
  }
}

function review(w: Writer, d: PlanDocument): void {
  w.heading(d.labels.review, 1);
  w.paragraph(d.review.decision, { bold: true });
  for (const c of d.review.comments) {
    w.paragraph(c.heading, { size: 9, color: COLOR.muted, label: true });
    w.paragraph(c.body, { indent: 8 });
  }
}

function appendix(w: Writer, d: PlanDocument): void {
  const outline = w.heading(d.labels.appendix, 1);
  for (const part of d.appendix) {
    w.heading(part.title, 2, outline);
    for (const indicator of part.indicators) {
      if (part.indicators.length > 1) w.paragraph(indicator.title, { bold: true, size: 9.5, label: true });
      for (const q of indicator.questions) {
        w.paragraph(q.label, { size: 8.5, indent: 8, label: true });
        w.paragraph(`→ ${q.answer}`, { size: 8.5, indent: 16, color: COLOR.accent });
      }
      if (indicator.evidence.length > 0) {
        w.paragraph(d.labels.evidence, { size: 8.5, indent: 8, bold: true, label: true });
        for (const e of indicator.evidence) w.paragraph(e, { size: 8.5, indent: 16 });
      }
    }
  }
}

/** "page i / n" on every page, marked as an artifact so screen readers skip it. */
function pageNumbers(doc: Doc, d: PlanDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // Writing in the margin must not open a new page.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('body').fontSize(8).fillColor(COLOR.muted)
      .text(`${d.meta.title} · ${d.labels.page} ${i + 1} ${d.labels.of} ${range.count}`, MARGIN.left, doc.page.height - 40, { width: doc.page.width - MARGIN.left - MARGIN.right, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
