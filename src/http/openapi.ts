import { z } from 'zod';
import type { RouteRegistry } from './route.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } }, required: ['path', 'message'] } },
        current: { description: 'On a 409: the current state of what was being changed.' },
      },
      required: ['code', 'message', 'issues'],
    },
  },
  required: ['error'],
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** The OpenAPI 3.1 document of the API, generated from the routes' zod schemas. */
export function openApiDocument(registry: RouteRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.specs) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [
      ...[...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 } })),
      { name: 'lang', in: 'query', required: false, schema: { enum: ['fr', 'en'], default: 'fr' }, description: 'Langue des textes / language of texts' },
      ...queryParameters(spec.query),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(spec.responses)) {
      responses[status] = Number(status) >= 400 ? { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : { description };
    }
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth && { security: [{ session: [] }, { bearer: [] }] }),
      parameters,
      ...(spec.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } }),
      ...(spec.accepts && { requestBody: { required: true, content: Object.fromEntries(spec.accepts.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) } }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'impact-score API', version, description: 'Impact Score : évaluations, scores expliqués / assessments and explained scores.' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'impact_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}

function queryParameters(query: z.ZodType | undefined): Record<string, unknown>[] {
  if (!query || !(query instanceof z.ZodObject)) return [];
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, schema]) => ({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: jsonSchema(schema) }));
}
