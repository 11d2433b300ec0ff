import { z } from 'zod';
import type { AnswersDocument } from './content-model.js';
import type { Outcome } from './issue.js';
import { MAX_TEXT_LENGTH } from './answer-value.js';
import { parseWith } from './zod-issues.js';

const MAX_ANSWERS = 2000;

const answerValue = z.union([
  z.boolean(),
  z.number(),
  z.string().max(MAX_TEXT_LENGTH),
  z.array(z.string().max(200)).max(100),
]);

const answerMap = z.record(z.string().min(1).max(100), answerValue).refine((m) => Object.keys(m).length <= MAX_ANSWERS, {
  message: `At most ${MAX_ANSWERS} answers`,
});

/** The shape of an answers document, as users send it (file or request body). */
export const answersDocumentSchema = z.strictObject({
  $schema: z.string().optional(),
  organisation: z
    .strictObject({
      name: z.string().min(1).max(200),
      siren: z.string().regex(/^[0-9]{9}$/).optional(),
    })
    .optional(),
  profile: answerMap,
  answers: answerMap,
});

/** Checks the shape of an answers document; its content is checked against the questionnaire later. */
export function parseAnswersDocument(data: unknown): Outcome<AnswersDocument> {
  const parsed = parseWith(answersDocumentSchema, data);
  if (!parsed.ok) return parsed;
  const { $schema: _ignored, ...doc } = parsed.value;
  return { ok: true, value: doc as AnswersDocument };
}
