import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from './support/generate-answers.js';
import { differential } from './support/differential.js';
import { createBatchContext, type BatchContext, type RowOptions } from '../src/batch/batch-context.js';
import { CsvRowWriter } from '../src/batch/csv/csv-row-writer.js';
import { cellHash } from '../src/batch/csv/plain-records.js';
import { ByteKeys } from '../src/batch/json-keys.js';
import { JsonLineReader } from '../src/batch/json-line-reader.js';
import { scoreJsonLinesChunk, scoreJsonLinesText } from '../src/batch/json-line-rows.js';
import type { JsonLinesChunk } from '../src/batch/json-lines.js';
import { resultWords } from '../src/batch/result-words.js';
import { ResultList, type RowSink } from '../src/batch/row-sink.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import type { AnswersDocument } from '../src/core/content-model.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const index = indexContent(content);

type Read = (context: BatchContext, chunk: JsonLinesChunk, sink: RowSink) => number;

/** A chunk's rows scored one way: as results (what XLSX and JSON Lines outputs take), and as the CSV bytes the workers write. */
function scored(context: BatchContext, chunk: JsonLinesChunk, read: Read) {
  const list = new ResultList(context.engine);
  const lastRow = read(context, chunk, list);
  const pillars = context.engine.pillars;
  const writer = new CsvRowWriter(context.engine, resultWords(context.index, context.lang), { pillars: [...pillars], indicators: [...context.engine.indicators], suggestions: context.suggestions }, ';', pillars);
  writer.start();
  read(context, chunk, writer);
  const { text, tally } = writer.finish();
  return { lastRow, results: list.results, csv: Buffer.from(text).toString('utf8'), tally: [...tally] };
}

/** Each side reads with a context of its own, so that neither's memory of values helps the other. */
const sides = (options: RowOptions) => ({
  text: (chunk: JsonLinesChunk) => scored(createBatchContext(content, 'fr', 3, options), chunk, scoreJsonLinesText),
  bytes: (chunk: JsonLinesChunk) => scored(createBatchContext(content, 'fr', 3, options), chunk, scoreJsonLinesChunk),
});

const chunkOf = (lines: (string | Buffer)[], firstRow = 1): JsonLinesChunk => {
  const bytes = Buffer.concat(lines.flatMap((line, i) => [Buffer.from(line), ...(i < lines.length - 1 ? [Buffer.from('\n')] : [])]));
  return { kind: 'jsonl', bytes: new Uint8Array(bytes), firstRow };
};

const SIREN = '123456789';
const questionIds = [...index.questions.keys()];
const numberIds = questionIds.filter((id) => ['number', 'percentage'].includes(index.questions.get(id)!.question.type));
const textIds = questionIds.filter((id) => index.questions.get(id)!.question.type === 'text');
const notApplicableIds = questionIds.filter((id) => index.questions.get(id)!.question.notApplicable);
const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Replaces the value of `id` in a line written by JSON.stringify, as raw JSON text. */
function withRaw(line: string, id: string, raw: string): string {
  const key = `"${id}":`;
  const at = line.indexOf(key);
  if (at < 0) return line.replace('"answers":{', `"answers":{${key}${raw},`);
  const from = at + key.length;
  const value = line.slice(from).match(/^("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}]*)/)![0];
  return line.slice(0, from) + raw + line.slice(from + value.length);
}

// How a line may differ from the usual one: each a way today's path reads it that the bytes must match.
const VARIANTS: ((doc: AnswersDocument & { organisation?: unknown }, rand: () => number, other: AnswersDocument) => string | Buffer)[] = [
  (doc) => JSON.stringify(doc),
  (doc) => JSON.stringify({ answers: doc.answers, $schema: '../schemas/answers.schema.json', profile: doc.profile, organisation: { siren: SIREN, ...(doc.organisation as object) } }),
  (doc) => JSON.stringify(doc, null, '\t').replaceAll('\n', ' '),
  (doc) => `${JSON.stringify(doc)}\r`,
  (doc) => `\uFEFF${JSON.stringify(doc)}`,
  (doc) => ` \u00a0${JSON.stringify(doc)}\u00a0 `,
  (doc) => `${JSON.stringify(doc)} x`,
  (doc) => JSON.stringify({ ...doc, organisation: { name: 'Café « Crème » \u{1F600} "guillemets"\n' } }),
  (doc) => JSON.stringify(doc).replaceAll('e', '\\u0065').replace('"\\u0065', '"e'),
  (doc) => Buffer.concat([Buffer.from('{"organisation":{"name":"Mauvais \xc3('), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`"},${JSON.stringify(doc).slice(1)}`)]),
  (doc) => JSON.stringify(doc).replace('"answers":{', '"answers":{"inclusion-hires":"50+",'),
  (doc) => JSON.stringify(doc).replace('"answers":{', '"answers":{"__proto__":{"x":1},'),
  (doc) => `{"__proto__":{"polluted":true},${JSON.stringify(doc).slice(1)}`,
  (doc, rand) => withRaw(JSON.stringify(doc), pick(rand, numberIds), pick(rand, ['1e2', '-0', '1.0', '1E1', '0.10', '5e-1', '12345678901234567890', '100.000000000000001', '00', '1.', '-', '+1', '.5', '0x10', 'NaN', 'Infinity'])),
  (doc, rand) => withRaw(JSON.stringify(doc), pick(rand, questionIds), pick(rand, ['{}', '[[]]', '[1,2]', '["a",1]', 'null', '"n/a"', 'true', 'false', 'tru', '"oui"', '[]', '[ "none" ]', '"\\u0041"', '"a\\"b"', '"\t"', '"' + 'x'.repeat(300) + '"', '"' + 'é'.repeat(5001) + '"'])),
  (doc, rand) => withRaw(JSON.stringify(doc), pick(rand, notApplicableIds), '"n/a"'),
  (doc, rand) => withRaw(JSON.stringify(doc), pick(rand, textIds), JSON.stringify('Preuve : « é »\n' + 'y'.repeat(Math.floor(rand() * 400)))),
  (doc) => JSON.stringify({ ...doc, answers: { ...doc.answers, 'inclusion-practices': Array.from({ length: 101 }, () => 'qpv') } }),
  (doc) => JSON.stringify({ ...doc, extra: { nested: [1, { deep: true }] } }),
  (doc) => JSON.stringify({ ...doc, organisation: { name: 'A', extra: 1 } }),
  (doc, rand) => JSON.stringify({ ...doc, organisation: { name: pick(rand, ['', 'n'.repeat(200), 'n'.repeat(201), 7]), siren: pick(rand, [SIREN, '12345678', '12345678a', 123456789, ' 123456789']) } }),
  (doc) => JSON.stringify({ profile: doc.profile, answers: doc.answers }),
  (doc) => JSON.stringify({ organisation: doc.organisation, answers: doc.answers }),
  (doc) => JSON.stringify({ organisation: doc.organisation, profile: doc.profile }),
  (doc) => JSON.stringify({ ...doc, profile: { ...doc.profile, 'inclusion-hires': '50+' } }),
  (doc) => JSON.stringify({ ...doc, answers: { ...doc.answers, headcount: '1-9' } }),
  (doc, _rand, other) => JSON.stringify({ ...doc, answers: { ...other.answers, ...doc.answers } }),
  (doc) => JSON.stringify({ ...doc, answers: { ...doc.answers, unknown: 1 } }),
  (doc) => JSON.stringify({ ...doc, profile: null }),
  (doc) => JSON.stringify(doc).replace('"profile":{', '"profile": {"headcount":null,'),
  (doc) => `${JSON.stringify(doc).slice(0, -1)},"answers":{}}`,
  (_doc, rand) => pick(rand, ['', '   ', '{}', '[]', '"x"', '{ not json', `${'['.repeat(40)}${']'.repeat(40)}`, '{"profile":{},"answers":{}}']),
  (doc) => JSON.stringify(doc).replace('{', '{ ').replaceAll(':', ' :\t').replaceAll(',', ' , '),
  (doc, rand) => JSON.stringify({ ...doc, answers: Object.fromEntries(Object.entries(doc.answers).sort(() => rand() - 0.5)) }),
  (doc, rand) => JSON.stringify(doc).replace(/"(inclusion-[a-z-]+)":/, (_, id: string) => `"${pick(rand, [id.slice(0, -1), `${id}x`, id.toUpperCase(), `${id}\\u0000`, `${id} `])}":`),
  (doc, rand) => JSON.stringify(doc).replace(/"name":"[^"]*"/, `"name":${pick(rand, ['"Caf\\u00e9"', '"fin\\\\"', '"a\\\\\\"b"', '"\\/"', '"tab\\t"'])}`),
];

/** A line of a generated organisation as today's readers meet them: most usual, some partial, many odd or hostile. */
function lineOf(n: number, variant: number, seed: number): string | Buffer {
  const rand = random(seed);
  const doc = { organisation: { name: `ORG-${n}` }, ...generateAnswers(index, rand, rand() < 0.3 ? 0.05 : 0) };
  return VARIANTS[variant]!(doc, rand, generateAnswers(index, rand, 0));
}

const lines = fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: VARIANTS.length - 1 })), fc.integer({ min: 1, max: 2 ** 31 })), { minLength: 1, maxLength: 12 });

describe('JSON lines read on their bytes (decision 016)', () => {
  it('when random usual, partial, odd and hostile lines are scored from their bytes and through JSON.parse, then every row comes out the same (scores, suggestions, problems, names, kept answers, CSV bytes)', async () => {
    const cases = fc.tuple(lines, fc.boolean(), fc.boolean()).map(([picked, partial, strict]) => ({ chunk: chunkOf(picked.map(([variant, seed], n) => lineOf(n + 1, variant, seed)), 3), partial, strict }));
    const keep = new Set([`siren:${SIREN}`]);
    const compared = await differential(({ chunk, partial, strict }) => sides({ keep, partial, strict }).text(chunk), ({ chunk, partial, strict }) => sides({ keep, partial, strict }).bytes(chunk), cases, { runs: 200 });
    expect(compared).toBe(200);
  });

  it('when every kind of line is met, then each is scored as today (each variant at least once, with and without --strict and --partial)', async () => {
    const chunk = chunkOf(VARIANTS.flatMap((_, variant) => [lineOf(variant, variant, 11 + variant), lineOf(variant, variant, 99 + variant)]));
    for (const options of [{}, { strict: true }, { partial: true }, { keep: new Set([`siren:${SIREN}`]) }]) {
      const { text, bytes } = sides(options);
      expect(await differential(text, bytes, [chunk])).toBe(1);
    }
  });

  it('when one context reads many chunks, then what it remembers of values by their bytes gives what JSON.parse gives', async () => {
    const context = createBatchContext(content, 'fr', 3);
    const reference = createBatchContext(content, 'fr', 3);
    const rand = random(31);
    const chunks = Array.from({ length: 30 }, (_, k) => chunkOf(Array.from({ length: 40 }, (_, n) => lineOf(n, rand() < 0.8 ? 0 : Math.floor(rand() * VARIANTS.length), Math.floor(rand() * 2 ** 31))), 1 + 40 * k));
    expect(await differential((chunk) => scored(reference, chunk, scoreJsonLinesText), (chunk) => scored(context, chunk, scoreJsonLinesChunk), chunks)).toBe(30);
  });
});

describe('which lines the bytes take', () => {
  const context = createBatchContext(content, 'fr', 3);
  const reader = new JsonLineReader(context);
  const takes = (line: string | Buffer) => {
    const bytes = Buffer.from(line);
    reader.startChunk(bytes);
    return reader.read(0, bytes.length);
  };
  const rand = random(3);
  const doc = { organisation: { name: 'ORG-1' }, ...generateAnswers(index, rand, 0) };

  it('when a line is of the usual shape (keys in any order, spaces, a $schema, a SIREN, a CR, accents, numbers as JSON writes them), then it is read on its bytes, its organisation with it', () => {
    const number = numberIds.find((id) => doc.answers[id] !== undefined)!;
    const usual = [0, 1, 2, 3, 21, 32].map((variant) => VARIANTS[variant]!(doc, rand, doc));
    for (const line of [...usual, withRaw(JSON.stringify(doc), number, '1e1'), withRaw(JSON.stringify(doc), number, '-0'), JSON.stringify({ ...doc, organisation: { name: 'Société « é »' } })]) expect([line, takes(line)]).toEqual([line, true]);
    takes(VARIANTS[1]!(doc, rand, doc));
    expect([reader.name, reader.siren]).toEqual(['ORG-1', SIREN]);
  });

  it('when a line holds anything JSON.parse and the schema could read otherwise (escapes, a BOM, keys twice or unknown, null, nesting, a name too long), then it is left to them', () => {
    for (const variant of [4, 5, 6, 7, 8, 10, 11, 12, 17, 18, 19, 22, 23, 24, 25, 27, 28, 29, 30]) {
      const line = VARIANTS[variant]!(doc, rand, doc);
      expect([variant, takes(line)]).toEqual([variant, false]);
    }
  });
});

describe('keys found by their bytes', () => {
  it('when keys are looked up by their bytes, then each known one is found (first by the key expected there), and no other, an empty one never', () => {
    const keys = new ByteKeys(['profile', '', 'answers', 'inclusion-hires']);
    const find = (text: string, expected = -1) => {
      const bytes = Buffer.from(`"${text}":1`);
      const quote = expected >= 0 ? keys.quoteAfter(expected, bytes, 1, bytes.length) : -1;
      return quote >= 0 ? expected : keys.find(bytes, 1, 1 + Buffer.byteLength(text), cellHash(bytes, 1, 1 + Buffer.byteLength(text)));
    };
    expect(['profile', 'answers', 'inclusion-hires', '', 'inclusion-hire', 'inclusion-hiresx', 'Profile', 'é'].map((k) => find(k))).toEqual([0, 2, 3, -1, -1, -1, -1, -1]);
    expect(['inclusion-hires', 'inclusion-hiresx', 'inclusion-hire', 'answers'].map((k) => find(k, 3))).toEqual([3, -1, -1, 2]);
  });
});
