import { createWriteStream } from 'node:fs';
import type { Actor } from '../core/access.js';
import type { PlanDocument } from '../core/plan-document.js';
import { localize, type Lang } from '../core/text.js';
import { draftPlanDocument, storedPlanDocument } from '../app/plan-document-data.js';
import { openContext } from '../app/open-context.js';
import type { Result } from '../app/app-error.js';
import type { Config } from '../config.js';
import { renderPlanPdf } from '../pdf/render-plan-pdf.js';
import { fail, readAnswersInput } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';
import { writeBeside } from './write-beside.js';

export interface ExportPdfOptions {
  lang: Lang;
  output: string;
  plan?: number;
  date: string;
  top: number;
  content?: string;
}

// The CLI is an administrator's tool: it may export any plan of the database.
const ADMIN: Actor = { userId: 0, role: 'admin', memberOf: new Set(), reviewerOf: new Set() };

/** `impact-score export-pdf`: a stored plan (--plan ID) or a draft plan from an answers file, as a PDF. */
export async function exportPdfCommand(file: string | undefined, options: ExportPdfOptions, config: () => Config | undefined, io: CliIo): Promise<number> {
  let built: Result<PlanDocument>;
  if (options.plan !== undefined) {
    const cfg = config();
    if (!cfg) return EXIT.usage;
    const opened = await openContext({ ...cfg, DEMO_DATA: false, ...(options.content && { CONTENT_DIR: options.content }) });
    if (!opened.ok) return fail(io, opened.issues, options.lang, EXIT.problems);
    try {
      built = await storedPlanDocument(opened.value, ADMIN, options.plan, options.lang);
    } finally {
      await opened.value.store.close();
    }
  } else if (file !== undefined) {
    const input = readAnswersInput(file, options, io);
    if (typeof input === 'number') return input;
    built = await draftPlanDocument(input.scorer, input.doc, options.lang, options.date, options.top);
  } else {
    io.err(options.lang === 'fr' ? 'impact-score: donnez un fichier de réponses ou --plan ID.\n' : 'impact-score: give an answers file or --plan ID.\n');
    return EXIT.usage;
  }
  if (!built.ok) {
    io.err(`impact-score: ${localize(built.error.message, options.lang)}\n`);
    return built.error.issues ? fail(io, built.error.issues, options.lang, EXIT.problems, file) : EXIT.problems;
  }
  return writeBeside(options.output, io, (partial) => renderPlanPdf(built.value, createWriteStream(partial)));
}
