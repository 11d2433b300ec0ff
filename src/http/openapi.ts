import { z } from 'zod';
import type { RouteRegistry } from './route.js';
import { apiComponents } from './responses/components.js';
import './responses/index.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } }, required: ['code', 'path', 'message'] } },
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

const COMPONENTS = '#/components/schemas/';

/** A success body: a reference to its named shape, or (an array of them, say) its schema with references inside. */
function responseSchema(schema: z.ZodType): Record<string, unknown> {
  const named = apiComponents.get(schema);
  if (named) return { $ref: `${COMPONENTS}${named.id}` };
  const { $schema: _dialect, $defs: _shared, ...rest } = z.toJSONSchema(schema, { io: 'output', metadata: apiComponents }) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Record<string, unknown>;
}

/** Every named response shape, each referring to the others by name. */
function responseComponents(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiComponents, { io: 'output', uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
}

/** The OpenAPI 3.1 document of the API, generated from the routes' zod schemas. */
export function openApiDocument(registry: RouteRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.specs) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [
      ...[...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: pathSchema(spec.params, m[1]!) })),
      { name: 'lang', in: 'query', required: false, schema: { enum: ['fr', 'en'], default: 'fr' }, description: 'Langue des textes / language of texts' },
      ...queryParameters(spec.query),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries({ ...commonResponses(spec), ...spec.responses })) {
      responses[status] = Number(status) >= 400
        ? { description, content: { 'application/json': { schema: { $ref: `${COMPONENTS}Error` } } } }
        : { description, ...successContent(spec.response, spec.produces) };
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
      schemas: { Error: errorSchema, ...responseComponents() },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'impact_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}

/** An id in the path is a positive integer; any other path parameter (a published page's slug) is described by its own schema. */
function pathSchema(params: z.ZodType | undefined, name: string): Record<string, unknown> {
  const field = params instanceof z.ZodObject ? (params.shape as Record<string, z.ZodType | undefined>)[name] : undefined;
  if (name.endsWith('Id') || !field) return { type: 'integer', minimum: 1 };
  const { $schema: _dialect, ...rest } = z.toJSONSchema(field, { io: 'input' }) as Record<string, unknown>;
  return rest;
}

function queryParameters(query: z.ZodType | undefined): Record<string, unknown>[] {
  if (!query || !(query instanceof z.ZodObject)) return [];
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, schema]) => ({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: jsonSchema(schema) }));
}

const UNSAFE = new Set(['post', 'patch', 'delete']);

/** What any route of its kind may answer besides its own: malformed input, no login, a refused body. */
function commonResponses(spec: RouteRegistry['specs'][number]): Record<number, string> {
  const unsafe = UNSAFE.has(spec.method);
  const common: Record<number, string> = {};
  // Every route takes ?lang= and refuses parameters it does not know.
  common[400] = 'Malformed or unknown parameters, or a malformed body: every problem listed with its field';
  if (spec.auth) common[401] = 'Not logged in (no session, or a revoked or unknown token)';
  if (spec.auth && unsafe) common[403] = 'A write with the session cookie but neither this site’s Origin nor the X-CSRF-Token header';
  if (unsafe) {
    common[413] = 'Body larger than the limit';
    common[415] = 'A body of a type the route does not take, or compressed (Content-Encoding)';
  }
  common[503] = 'The database could not be read or written: nothing was changed, try again';
  return common;
}

function successContent(response: z.ZodType | undefined, produces: readonly string[] | undefined): Record<string, unknown> {
  if (produces) return { content: Object.fromEntries(produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  return response ? { content: { 'application/json': { schema: responseSchema(response) } } } : {};
}
