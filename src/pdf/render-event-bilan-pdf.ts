import type { Writable } from 'node:stream';
import type { EventBilanDocument } from '../core/event-bilan-document.js';
import { closePdf, COLOR, coverPage, openPdf } from './pdf-layout.js';

/**
 * Lays an event's bilan out as an A4 PDF for partners: cover, each intention against its figure,
 * what the participants did, how the scores moved (only over five or more), the participants
 * (named only if they agreed), the workshops' notes and the improvements for next time.
 */
export function renderEventBilanPdf(document: EventBilanDocument, out: Writable): Promise<void> {
  const { w, done } = openPdf(document.meta, document.lang, out);
  const l = document.labels;
  coverPage(w, l.documentTitle, document.cover);
  w.heading(l.intentions, 1);
  w.table(document.intentions.headers, document.intentions.rows, [0.52, 0.14, 0.14, 0.2]);
  w.heading(l.what, 1);
  for (const line of document.counts) w.paragraph(line, { size: 11 });
  w.heading(l.changes, 1);
  if (document.changes.note) w.paragraph(document.changes.note, { size: 10, color: COLOR.muted });
  else {
    w.chart(document.changes.chart, [{ label: l.before, color: COLOR.today }, { label: l.after, color: COLOR.achieved }], l.chartAlt, document.lang);
    w.table(document.changes.headers, document.changes.rows, [0.4, 0.15, 0.15, 0.15, 0.15]);
  }
  w.heading(l.participants, 1);
  w.table(document.participants.headers, document.participants.rows, [0.28, 0.26, 0.14, 0.14, 0.18]);
  const notes = w.heading(l.workshops, 1);
  for (const workshop of document.workshops) {
    w.heading(workshop.title, 2, notes);
    w.paragraph(workshop.notes, { size: 10 });
  }
  w.heading(l.improvements, 1);
  w.paragraph(document.improvements, { size: 10 });
  closePdf(w, document.meta.title, l);
  return done;
}
