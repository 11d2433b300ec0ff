import { Ajv2020 } from 'ajv/dist/2020.js';

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

/**
 * The API's answers held to its OpenAPI document: a JSON body must match the schema documented for
 * its route and status (no field missing, none undocumented), so the document — and the web
 * interface's types generated from it — say what the server really sends.
 */
export function apiContract(document: Document): (method: string, url: string, status: number, body: unknown) => string | undefined {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document, 'api');
  const routes = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: !template.includes('{'),
  }));
  return (method, url, status, body) => {
    const path = new URL(url, 'http://x').pathname.replace(/^\/api\/v1/, '');
    // A literal path wins over a template (/batches/template before /batches/{batchId}).
    const route = routes.find((r) => r.literal && r.pattern.test(path)) ?? routes.find((r) => r.pattern.test(path));
    const operation = route && document.paths[route.template]![method.toLowerCase()];
    if (!route || !operation) return undefined; // 404s and 405s of routes that do not exist
    const documented = operation.responses?.[String(status)];
    if (!documented) return `${method} ${route.template} answered ${status}, which its OpenAPI description does not list`;
    if (body === undefined || !documented.content?.['application/json']) {
      return body !== undefined && status < 300 ? `${method} ${route.template} answered JSON on ${status}, documented without a JSON body` : undefined;
    }
    const pointer = `api#/paths/${route.template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer)!;
    if (validate(body)) return undefined;
    const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return `${method} ${route.template} ${status} does not match its OpenAPI schema: ${problems.join('; ')}`;
  };
}
