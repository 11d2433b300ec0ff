import type { Writable } from 'node:stream';
import type { BilanDocument } from '../core/bilan-document.js';
import { closePdf, COLOR, coverPage, openPdf } from './pdf-layout.js';

/**
 * Lays a bilan out as an A4 PDF on `out`: cover, then for each plan its projected scores beside
 * the achieved ones (chart and table) and each action intended vs achieved, then every
 * indicator before and after. Same quality as the plan: embedded font, tags, bookmarks, pages.
 */
export function renderBilanPdf(document: BilanDocument, out: Writable): Promise<void> {
  const { w, done } = openPdf(document.meta, document.lang, out);
  const l = document.labels;
  coverPage(w, l.documentTitle, document.cover);
  for (const plan of document.plans) {
    const outline = w.heading(plan.title, 1);
    w.paragraph(plan.intro, { size: 11 });
    w.chart(plan.chart, [{ label: l.before, color: COLOR.today }, { label: l.projected, color: COLOR.projected }, { label: l.achieved, color: COLOR.achieved }], l.chartAlt, document.lang);
    w.table(plan.scores.headers, plan.scores.rows, [0.34, 0.18, 0.24, 0.24]);
    w.heading(l.items, 2, outline);
    for (const item of plan.items) {
      w.heading(item.title, 3, outline);
      w.paragraph(item.meta, { size: 8.5, color: COLOR.muted });
      for (const line of item.lines) w.paragraph(line, { size: 9.5, indent: 8 });
      w.doc.moveDown(0.4);
    }
  }
  w.heading(l.indicators, 1);
  w.table(document.indicators.headers, document.indicators.rows, [0.46, 0.18, 0.18, 0.18]);
  closePdf(w, document.meta.title, l);
  return done;
}
