import type { StandingView } from '../core/present-standing.js';
import { COLOR, MARGIN, type Writer } from './pdf-layout.js';

type ScoreView = StandingView['groups'][number]['scores'][number];

const ROW = 30;

/** Where the scores stand among published ones: the intro, each group's scores with their rank and a small box plot, the legend, the bias and the source. */
export function standingSection(w: Writer, standing: StandingView): void {
  w.heading(standing.title, 2);
  w.paragraph(standing.intro, { size: 9.5 });
  for (const group of standing.groups) {
    // A group stays on one page: its scores are read against each other.
    w.room(20 + group.scores.length * (ROW + 6));
    w.paragraph(group.heading, { bold: true, size: 10, label: true });
    for (const score of group.scores) row(w, score);
  }
  w.paragraph(standing.legend, { size: 8, color: COLOR.muted });
  w.paragraph(standing.bias, { size: 8, color: COLOR.muted });
  w.paragraph(`${standing.source.text} ${standing.source.url}`, { size: 8, color: COLOR.muted });
}

/** The score's words on the left half, its box plot on the right, on one row that never splits. */
function row(w: Writer, score: ScoreView): void {
  const { doc } = w;
  w.room(ROW + 4);
  const y = doc.y;
  const textWidth = w.width * 0.52;
  doc.font('bold').fontSize(9).fillColor(COLOR.text);
  doc.text(score.title, MARGIN.left + 8, y, { width: textWidth - 8, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.font('body').fontSize(8.5).fillColor(COLOR.text);
  doc.text(`${score.scoreText} · ${score.rankText}`, MARGIN.left + 8, doc.y, { width: textWidth - 8, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.font('body').fontSize(7.5).fillColor(COLOR.muted);
  doc.text(score.quartilesText, MARGIN.left + 8, doc.y, { width: textWidth - 8, structParent: w.root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  const bottom = Math.max(doc.y, y + ROW);
  boxPlot(w, score, MARGIN.left + textWidth + 6, (y + bottom) / 2, w.width - textWidth - 6);
  doc.x = MARGIN.left;
  doc.y = bottom + 4;
}

/** A box plot on 0–100, drawn as an artifact: the words beside it say the same for a screen reader. */
function boxPlot(w: Writer, score: ScoreView, left: number, middle: number, width: number): void {
  const { doc } = w;
  const x = (v: number) => left + (Math.max(0, Math.min(100, v)) / 100) * width;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(left, middle).lineTo(left + width, middle).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.fontSize(6.5).fillColor(COLOR.muted);
  doc.text('0', left - 2, middle + 6, { lineBreak: false });
  doc.text('100', left + width - 10, middle + 6, { lineBreak: false });
  doc.moveTo(x(score.whiskers.values[0]), middle).lineTo(x(score.whiskers.values[1]), middle).lineWidth(1.2).strokeColor(COLOR.muted).stroke();
  const [q1, median, q3] = score.quartiles;
  doc.rect(x(q1), middle - 5, Math.max(0.5, x(q3) - x(q1)), 10).lineWidth(0.8).fillAndStroke('#f3f5f7', COLOR.muted);
  doc.moveTo(x(median), middle - 6).lineTo(x(median), middle + 6).lineWidth(1.6).strokeColor(COLOR.text).stroke();
  if (score.score !== null) {
    const s = x(score.score);
    doc.polygon([s, middle - 6], [s + 4, middle], [s, middle + 6], [s - 4, middle]).fillColor(COLOR.projected).fill();
  }
  doc.endMarkedContent();
}
