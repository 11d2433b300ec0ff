import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { formatDecimal } from '../core/format-answer.js';
import type { Lang } from '../core/text.js';
import { SharedFont } from './shared-font.js';

export type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const require = createRequire(import.meta.url);
// DejaVu covers French and every symbol used (≥, →, −, €, « »); embedding it makes the PDF look
// the same everywhere. Parsed on the first PDF a thread renders, then shared by all.
let fonts: { body: SharedFont; bold: SharedFont } | undefined;
const dejaVu = () => (fonts ??= {
  body: new SharedFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new SharedFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
});

export const COLOR = { text: '#1f2937', muted: '#4b5563', accent: '#1f3a5f', today: '#7c8ea6', projected: '#2e7d32', achieved: '#b45309', rule: '#d1d5db', header: '#e8edf4' };
export const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };

export interface DocumentMeta { title: string; author: string; subject: string; keywords: string; date: string }

/**
 * An A4, tagged (accessible) PDF with its fonts embedded and its metadata dated from the data,
 * never the clock, piped to `out`. `done` resolves once everything is written.
 */
export function openPdf(meta: DocumentMeta, lang: Lang, out: Writable): { w: Writer; done: Promise<void> } {
  const date = new Date(meta.date);
  const doc = new PDFDocument({
    // No default font: pdfkit would build Helvetica's metrics for every document, never used.
    font: null as unknown as string,
    size: 'A4', margins: MARGIN, bufferPages: true, autoFirstPage: true, pdfVersion: '1.7', tagged: true,
    lang: lang === 'fr' ? 'fr-FR' : 'en-GB', displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Keywords: meta.keywords, Creator: 'impact-score', Producer: 'impact-score', CreationDate: date, ModDate: date },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  // Bold first, as the cover uses it first: the fonts are named F1 and F2 in that order.
  dejaVu().bold.register(doc, 'bold');
  dejaVu().body.register(doc, 'body');
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { w: new Writer(doc, root), done };
}

/** Ends the document: the structure closed, "title · page i / n" on every page. */
export function closePdf(w: Writer, footer: string, words: { page: string; of: string }): void {
  w.root.end();
  pageNumbers(w.doc, footer, words);
  w.doc.end();
}

/** Small layout helpers over pdfkit that keep headings with their text and tag what they write. */
export class Writer {
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

  /** A tagged table; a row never splits, and a page that starts mid-table repeats the header. */
  table(headers: readonly string[], rows: readonly (readonly string[])[], fractions: readonly number[]): void {
    const { doc } = this;
    const widths = fractions.map((f) => f * this.width);
    const pad = 4;
    const table = doc.struct('Table');
    this.root.add(table);
    const rowHeight = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(8.5);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - pad * 2 }))) + pad * 2;
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const font = header ? 'bold' : 'body';
      const h = rowHeight(cells, font);
      const y = doc.y;
      if (header) doc.rect(MARGIN.left, y, this.width, h).fillColor(COLOR.header).fill();
      const row = doc.struct('TR');
      table.add(row);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        doc.font(font).fontSize(8.5).fillColor(COLOR.text);
        row.add(doc.struct(header ? 'TH' : 'TD', {}, () => doc.text(cell, x + pad, y + pad, { width: widths[i]! - pad * 2 })));
        x += widths[i]!;
      });
      row.end();
      doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + this.width, y + h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.y = y + h;
    };
    this.room(rowHeight(headers, 'bold') + rowHeight(rows[0] ?? [''], 'body'));
    drawRow(headers, true);
    for (const row of rows) {
      if (doc.y + rowHeight(row, 'body') > this.bottom) {
        doc.addPage();
        drawRow(headers, true);
      }
      drawRow(row, false);
    }
    table.end();
    doc.x = MARGIN.left;
    doc.moveDown(0.8);
  }

  /** A vector bar chart, 0–100, one group of bars per entry and one bar per series, tagged as a figure. */
  chart(bars: readonly { title: string; values: readonly (number | null)[] }[], series: readonly { label: string; color: string }[], alt: string, lang: Lang): void {
    const figure = this.doc.struct('Figure', { alt }, () => drawChart(this, bars, series, lang));
    this.root.add(figure); // Built with its content, it is already ended.
  }
}

function drawChart(w: Writer, bars: readonly { title: string; values: readonly (number | null)[] }[], series: readonly { label: string; color: string }[], lang: Lang): void {
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
  const gap = 6;
  const barWidth = Math.min(34, group / (series.length + 1));
  bars.forEach((bar, i) => {
    const x = left + i * group + (group - barWidth * series.length - gap * (series.length - 1)) / 2;
    bar.values.forEach((value, s) => {
      if (value === null) return;
      const h = (value / 100) * height;
      const dx = s * (barWidth + gap);
      doc.rect(x + dx, base - h, barWidth, h).fillColor(series[s]!.color).fill();
      doc.font('bold').fontSize(8).fillColor(COLOR.text).text(formatDecimal(value, lang), x + dx - 6, base - h - 11, { width: barWidth + 12, align: 'center', lineBreak: false });
    });
    doc.font('body').fontSize(8).fillColor(COLOR.text).text(bar.title, left + i * group + 4, base + 6, { width: group - 8, align: 'center' });
  });
  const legendY = base + 40;
  series.forEach(({ label, color }, i) => {
    const x = left + i * 130;
    doc.rect(x, legendY, 10, 10).fillColor(color).fill();
    doc.font('body').fontSize(9).fillColor(COLOR.text).text(label, x + 15, legendY + 1, { lineBreak: false });
  });
  doc.x = MARGIN.left;
  doc.y = legendY + 24;
}

/** "title · page i / n" on every page, marked as an artifact so screen readers skip it. */
function pageNumbers(doc: Doc, footer: string, words: { page: string; of: string }): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // Writing in the margin must not open a new page.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('body').fontSize(8).fillColor(COLOR.muted)
      .text(`${footer} · ${words.page} ${i + 1} ${words.of} ${range.count}`, MARGIN.left, doc.page.height - 40, { width: doc.page.width - MARGIN.left - MARGIN.right, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** A cover page: kind of document, organisation, title, and a few lines of context. */
export function coverPage(w: Writer, kind: string, cover: { title: string; organisation: string; lines: readonly string[] }): void {
  const { doc } = w;
  doc.y = 200;
  doc.outline.addItem(cover.title);
  doc.font('bold').fontSize(11).fillColor(COLOR.muted).text(kind.toUpperCase(), { characterSpacing: 1.5, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(26).fillColor(COLOR.accent).text(cover.organisation, { width: w.width, structParent: w.root, structType: 'H1' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.3);
  doc.font('body').fontSize(16).fillColor(COLOR.text).text(cover.title, { width: w.width, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(2);
  for (const line of cover.lines) w.paragraph(line, { size: 11, color: COLOR.muted });
  doc.addPage();
}
