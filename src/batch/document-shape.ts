import { MAX_TEXT_LENGTH } from '../core/answer-value.js';

// The limits of answersDocumentSchema (src/core/answers-document.ts), which this check mirrors.
const MAX_ANSWERS = 2000;
export const MAX_KEY = 100;
export const MAX_NAME = 200;
const MAX_LIST = 100;
const MAX_OPTION = 200;
const TOP = new Set(['$schema', 'organisation', 'profile', 'answers']);
const ORGANISATION = new Set(['name', 'siren']);
const SIREN = /^[0-9]{9}$/;

/**
 * Whether a parsed JSON line has the shape `parseAnswersDocument` accepts, checked by hand: the
 * schema's parse is about half of a JSON line's cost in a batch (50 µs of 180 on the bench's rows),
 * and nearly every line passes it. A line that fails here goes through the schema, for its
 * problems' words. Held equal to the schema by a property test (test/document-shape.test.ts).
 */
export function hasDocumentShape(data: unknown): boolean {
  if (!isRecord(data)) return false;
  for (const key in data) if (!TOP.has(key)) return false;
  if (data.$schema !== undefined && typeof data.$schema !== 'string') return false;
  if (data.organisation !== undefined && !organisationShape(data.organisation)) return false;
  return answerMap(data.profile) && answerMap(data.answers);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function organisationShape(org: unknown): boolean {
  if (!isRecord(org)) return false;
  for (const key in org) if (!ORGANISATION.has(key)) return false;
  const { name, siren } = org;
  if (typeof name !== 'string' || name.length < 1 || name.length > MAX_NAME) return false;
  if ('siren' in org && (typeof siren !== 'string' || !SIREN.test(siren))) return false;
  return true;
}

function answerMap(map: unknown): boolean {
  if (!isRecord(map)) return false;
  let count = 0;
  for (const key in map) {
    if (++count > MAX_ANSWERS || key.length < 1 || key.length > MAX_KEY || !answerValue(map[key])) return false;
  }
  return true;
}

/** Whether a value of the profile or answers has the shape the schema accepts. */
export function answerValue(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT_LENGTH;
  if (!Array.isArray(value) || value.length > MAX_LIST) return false;
  for (const item of value) if (typeof item !== 'string' || item.length > MAX_OPTION) return false;
  return true;
}
