import type { Response } from 'express';
import type { Result } from '../app/app-error.js';
import type { PdfDocument } from '../pdf/render-pdf.js';
import type { PdfRenderer } from '../pdf/pdf-renderer.js';

/**
 * A document sent as a PDF download named `filename`. Everything is checked and gathered before
 * the first byte: a refusal (not found, forbidden) is returned for the route to answer in JSON.
 */
export async function pdfDownload(pdf: PdfRenderer, res: Response, built: Result<PdfDocument>, filename: string): Promise<Result<never> | undefined> {
  if (!built.ok) return built;
  res.status(200).type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  await pdf.render(built.value, res);
  return undefined;
}
