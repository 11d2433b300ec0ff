import { z } from 'zod';
import { answersDocumentSchema } from '../../core/answers-document.js';
import { MAX_TEXT_LENGTH } from '../../core/answer-value.js';

/** Request schemas shared by routes (and the OpenAPI document). */

export const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const answerValue = z.union([z.boolean(), z.number(), z.string().max(MAX_TEXT_LENGTH), z.array(z.string().max(200)).max(100)]);
const answerOrNull = answerValue.nullable();

export const profileSchema = z.record(z.string().min(1).max(100), answerValue);

export const loginBody = z.strictObject({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export const organisationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  siren: z.string().regex(/^[0-9]{9}$/).nullable().optional(),
  profile: profileSchema.optional(),
});

export const organisationPatch = organisationBody.partial();

export const answersPatch = z.strictObject({
  version: z.number().int().positive(),
  profile: z.record(z.string().min(1).max(100), answerOrNull).optional(),
  answers: z.record(z.string().min(1).max(100), answerOrNull).optional(),
});

export const submitBody = z.strictObject({ version: z.number().int().positive() });

export const workshopBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  expertEmail: z.string().min(3).max(254),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  place: z.string().trim().min(1).max(200),
  pillar: z.string().max(60).nullable().optional(),
  organisationIds: z.array(z.number().int().positive()).max(500).default([]),
});

export { answersDocumentSchema };
