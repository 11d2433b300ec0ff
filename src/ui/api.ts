import { currentLang, t } from './i18n.js';

/** One problem the API found, located by a JSON pointer into what was sent ("/answers/x"). */
export interface ApiIssue {
  path: string;
  message: string;
  code?: string;
}

/** An error answered by the API: `{ error: { code, message, issues } }`, plus its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The messages per field, keyed by JSON pointer, for showing next to each field. */
  byPath(): Map<string, string> {
    return new Map(this.issues.map((i) => [i.path, i.message]));
  }
}

export const API = '/api/v1';

/** Fired when the API no longer knows the session (expired, logged out elsewhere). */
export const SESSION_EXPIRED = 'impact-score:session-expired';

/**
 * A JSON call to the API as the logged-in user (session cookie), in the interface's language.
 * Network failures become an ApiError too, so every page shows them the same way.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLang(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return readResponse<T>(await reach(API + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** Sends a file as it is (portfolio uploads). */
export async function upload<T>(path: string, file: Blob, type: string): Promise<T> {
  return readResponse<T>(await reach(API + path, { method: 'POST', headers: { 'Content-Type': type, 'Accept-Language': currentLang() }, credentials: 'same-origin', body: file }));
}

/** fetch, with an unreachable server turned into an ApiError (status 0) the pages show like any other. */
async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', t('networkError'));
  }
}

/** The body of an API response, or the ApiError it carries. */
export async function readResponse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (response.ok) return json as T;
  if (response.status === 401 && typeof window !== 'undefined' && !response.url.endsWith('/auth/login') && !response.url.endsWith('/auth/me')) {
    window.dispatchEvent(new Event(SESSION_EXPIRED));
  }
  const error = (json as { error?: { code?: string; message?: string; issues?: ApiIssue[] } & Record<string, unknown> } | undefined)?.error;
  const { code, message, issues, ...details } = error ?? {};
  throw new ApiError(response.status, code ?? `http-${response.status}`, message ?? `HTTP ${response.status}`, issues ?? [], details);
}
