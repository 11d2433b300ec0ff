import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTypesSource } from '../../scripts/api-types.js';
import { apiContract } from '../support/api-contract.js';
import { startHarness, type Harness } from './harness.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

describe('the API answers as its OpenAPI document says', () => {
  let h: Harness;
  let document: Document;
  beforeAll(async () => {
    h = await startHarness();
    document = (await h.call(null, 'GET', '/openapi.json')).body as Document;
  });
  afterAll(() => h.close());

  it('when the document is read, then every success of every route says what its body is', () => {
    const silent = Object.entries(document.paths).flatMap(([path, operations]) => Object.entries(operations).flatMap(([method, operation]) =>
      Object.entries(operation.responses).filter(([status, r]) => Number(status) < 300 && !r.content).map(([status]) => `${method} ${path} ${status}`)));
    expect(silent).toEqual([]);
  });

  it('when the document is read, then every error answer is the one error shape', () => {
    const errors = Object.values(document.paths).flatMap((operations) => Object.values(operations).flatMap((operation) =>
      Object.entries(operation.responses).filter(([status]) => Number(status) >= 400).map(([, r]) => r.content?.['application/json']?.schema)));
    expect(errors.length).toBeGreaterThan(100);
    expect(new Set(errors.map((schema) => JSON.stringify(schema)))).toEqual(new Set([JSON.stringify({ $ref: '#/components/schemas/Error' })]));
  });

  it('when an answer carries a field the document does not name, or lacks one it requires, then the check used by every API test says which', async () => {
    const check = apiContract(document as never);
    const me = await h.call('leaderA', 'GET', '/auth/me');
    expect(check('GET', '/api/v1/auth/me', 200, me.body)).toBeUndefined();
    expect(check('GET', '/api/v1/auth/me', 200, { ...me.body, secret: 'x' })).toMatch(/GET \/auth\/me 200 does not match.*additional properties \(secret\)/);
    const { organisations: _gone, ...partial } = me.body as Record<string, unknown>;
    expect(check('GET', '/api/v1/auth/me', 200, partial)).toMatch(/must have required property 'organisations'/);
    expect(check('GET', '/api/v1/auth/me', 418, {})).toMatch(/answered 418, which its OpenAPI description does not list/);
  });

  it('when the web interface’s API types are compared with the document, then they are the ones generated from it (npm run api-types)', async () => {
    expect(readFileSync('src/ui/api-schema.ts', 'utf8')).toBe(await apiTypesSource(document));
  });
});
