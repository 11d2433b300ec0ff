import type { Writable } from 'node:stream';
import type { BilanDocument } from '../core/bilan-document.js';
import type { EventBilanDocument } from '../core/event-bilan-document.js';
import type { PlanDocument } from '../core/plan-document.js';
import { renderBilanPdf } from './render-bilan-pdf.js';
import { renderEventBilanPdf } from './render-event-bilan-pdf.js';
import { renderPlanPdf } from './render-plan-pdf.js';

/** Every document the service renders as a PDF. */
export type PdfDocument = PlanDocument | BilanDocument | EventBilanDocument;

export function renderPdf(document: PdfDocument, out: Writable): Promise<void> {
  switch (document.kind) {
    case 'bilan':
      return renderBilanPdf(document, out);
    case 'event-bilan':
      return renderEventBilanPdf(document, out);
    default:
      return renderPlanPdf(document, out);
  }
}
