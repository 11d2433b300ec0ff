/**
 * Writes src/ui/api-schema.ts, the web interface's types of the API, from the OpenAPI document the
 * server serves (`npm run api-types`); a test fails while the file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { createContext } from '../src/app/app-context.js';
import { testConfig } from '../src/config.js';
import { loadContent } from '../src/content/load-content.js';
import { createApp } from '../src/http/create-app.js';
import { openStore } from '../src/store/open-store.js';

// npm runs scripts from the project's folder.
const API_SCHEMA_FILE = 'src/ui/api-schema.ts';

const HEADER = '// Generated from the API\'s OpenAPI document by `npm run api-types` (scripts/api-types.ts): do not edit.\n\n';

/**
 * The TypeScript source of the shapes the API answers with (its named components), from its
 * OpenAPI document. Paths are left out: the interface reads shapes, and the document's version
 * (the content's) says nothing of them.
 */
export async function apiTypesSource(document: { components?: unknown }): Promise<string> {
  const shapes = { openapi: '3.1.0', info: { title: 'impact-score API', version: '1' }, paths: {}, components: document.components };
  const ast = await openapiTS(shapes as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

/** The document the server serves: the app over an empty in-memory store, asked on loopback. */
async function servedDocument(): Promise<object> {
  const loaded = loadContent();
  if (!loaded.ok) throw new Error('the content does not load: run `impact-score validate`');
  const store = await openStore({ file: ':memory:' });
  const server = createApp(createContext(store, loaded.value.content), testConfig({ DATABASE_FILE: ':memory:' }), pino({ level: 'silent' })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/openapi.json`);
    return await response.json() as object;
  } finally {
    server.close();
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(API_SCHEMA_FILE, await apiTypesSource(await servedDocument()));
  console.log(`api-types: ${API_SCHEMA_FILE} written`);
}
