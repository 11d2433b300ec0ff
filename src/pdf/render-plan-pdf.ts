import type { Writable } from 'node:stream';
import type { PlanDocument } from '../core/plan-document.js';
import { closePdf, COLOR, coverPage, openPdf, type Writer } from './pdf-layout.js';
import { standingSection } from './standing-section.js';

/**
 * Lays a plan document out as an A4 PDF on `out`: cover, summary with a vector chart, pillars,
 * plan table, actions, timeline, review, appendix; embedded font, bookmarks, page numbers,
 * metadata, tagged structure. Resolves once everything is written.
 */
export function renderPlanPdf(document: PlanDocument, out: Writable): Promise<void> {
  const { w, done } = openPdf(document.meta, document.lang, out);
  coverPage(w, document.labels.documentTitle, document.cover);
  summary(w, document);
  pillars(w, document);
  w.heading(document.labels.plan, 1);
  w.table(document.table.headers, document.table.rows.map((r) => r.cells), [0.26, 0.18, 0.16, 0.13, 0.17, 0.1]);
  actions(w, document);
  timeline(w, document);
  review(w, document);
  appendix(w, document);
  closePdf(w, document.meta.title, document.labels);
  return done;
}

function summary(w: Writer, d: PlanDocument): void {
  w.heading(d.labels.summary, 1);
  w.paragraph(d.summary.intro, { size: 11 });
  const bars = [{ title: d.labels.global, today: d.summary.global.today, projected: d.summary.global.projected }, ...d.summary.pillars];
  w.chart(bars.map((b) => ({ title: b.title, values: [b.today, b.projected] })), [{ label: d.labels.today, color: COLOR.today }, { label: d.labels.projected, color: COLOR.projected }], d.labels.chartAlt, d.lang);
  for (const p of d.summary.pillars) {
    w.paragraph(p.title, { bold: true, size: 10.5, label: true });
    w.paragraph(p.sentence, { indent: 8 });
  }
  if (d.standing) standingSection(w, d.standing);
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
