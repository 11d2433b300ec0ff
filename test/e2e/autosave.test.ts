import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, readResponse } from '../../src/ui/api.js';
import type { Assessment } from '../../src/ui/api-types.js';
import { Autosaver, type Changes, type PendingStore, type StoredChanges } from '../../src/ui/autosave.js';
import { examples, startHarness, type Harness, type Who } from '../http/harness.js';

// The web form's autosaver, run in Node against the real server on loopback: the refusals it has
// to handle (422, 409, 404, an unreachable server) are the server's own.
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

interface Saver {
  saver: Autosaver;
  calls: () => number;
  /** Points the saver at a port nobody listens on (true) or back at the server (false). */
  unreachable: (down: boolean) => void;
}

function saverFor(assessment: Assessment, who: Who = 'leaderA', options: { store?: PendingStore } = {}): Saver {
  let calls = 0;
  let down = false;
  const save = async (version: number, changes: Changes) => {
    calls++;
    const url = down ? 'http://127.0.0.1:9/api/v1' : h.url;
    let response: Response;
    try {
      response = await fetch(`${url}/assessments/${assessment.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${h.tokens[who]}`, 'content-type': 'application/json', 'accept-language': 'fr' },
        body: JSON.stringify({ version, ...changes }),
      });
    } catch {
      // What the browser's api() makes of a failed fetch.
      throw new ApiError(0, 'network', 'unreachable');
    }
    return readResponse<Assessment>(response);
  };
  const saver = new Autosaver(assessment, save, () => {}, { delayMs: 1_000_000, retryMs: 20, ...options });
  return { saver, calls: () => calls, unreachable: (d) => { down = d; } };
}

async function draft(): Promise<Assessment> {
  const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body as Assessment;
  // Once one is submitted, a new assessment starts from its answers: these tests start from none.
  if (Object.keys(created.answers).length === 0) return created;
  const cleared = Object.fromEntries(Object.keys(created.answers).map((q) => [q, null]));
  return (await h.call('leaderA', 'PATCH', `/assessments/${created.id}`, { version: created.version, answers: cleared })).body as Assessment;
}

const stored = async (id: number) => (await h.call('leaderA', 'GET', `/assessments/${id}`)).body as Assessment;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the form’s autosaver against the real API', () => {
  it('when the server refuses a value, then it is flagged on its field, the other answers are saved, and the state says so', async () => {
    const a = await draft();
    const { saver } = saverFor(a);
    saver.change('answers', 'inclusion-disabled-rate', 140);
    saver.change('answers', 'inclusion-hires', '10-24');
    await saver.flush();
    expect(saver.state).toBe('invalid');
    expect(saver.errors.get('/answers/inclusion-disabled-rate')).toContain('140');
    expect(saver.unsavedCount).toBe(0);
    expect((await stored(a.id)).answers).toEqual({ 'inclusion-hires': '10-24' });
  });

  it('when a value is refused after the user already typed a new one, then the new one is kept and saved', async () => {
    const a = await draft();
    const { saver } = saverFor(a);
    saver.change('answers', 'inclusion-disabled-rate', 140);
    const first = saver.flush();
    saver.change('answers', 'inclusion-disabled-rate', 12);
    await first;
    await saver.flush();
    expect(saver.state).toBe('saved');
    expect(saver.errors.size).toBe(0);
    expect((await stored(a.id)).answers).toEqual({ 'inclusion-disabled-rate': 12 });
  });

  it('when the save is refused for good (no access), then it stops and says so instead of trying again', async () => {
    const a = await draft();
    const { saver, calls } = saverFor(a, 'leaderB');
    saver.change('answers', 'inclusion-disabled-rate', 5);
    await saver.flush();
    expect(saver.state).toBe('error');
    expect(saver.lastError?.status).toBe(404);
    await pause(200);
    expect(calls()).toBe(1);
    expect(saver.unsavedCount).toBe(1);
  });

  it('when the server cannot be reached, then it keeps the answers and tries again until it can', async () => {
    const a = await draft();
    const { saver, calls, unreachable } = saverFor(a);
    unreachable(true);
    saver.change('answers', 'inclusion-disabled-rate', 6);
    await saver.flush();
    expect(saver.state).toBe('retrying');
    unreachable(false);
    while (saver.state !== 'saved') await pause(20);
    expect(calls()).toBeGreaterThanOrEqual(2);
    expect((await stored(a.id)).answers).toEqual({ 'inclusion-disabled-rate': 6 });
  });

  it('when the assessment was submitted elsewhere, then keeping mine is not offered and dropping mine shows it as submitted', async () => {
    const a = await draft();
    const { saver } = saverFor(a);
    // Elsewhere, the assessment is filled in (a golden example) and submitted.
    const filled = await h.call('leaderA', 'PATCH', `/assessments/${a.id}`, { version: a.version, answers: examples.get('insertion-esus')!.answers });
    expect((await h.call('leaderA', 'POST', `/assessments/${a.id}/submit`, { version: filled.body.version })).status).toBe(200);
    saver.change('answers', 'inclusion-disabled-rate', 3);
    await saver.flush();
    expect(saver.state).toBe('conflict');
    expect(saver.conflict?.status).toBe('submitted');
    await saver.keepMine();
    expect(saver.state).toBe('conflict');
    saver.discardMine();
    expect(saver.assessment.status).toBe('submitted');
    expect(saver.unsavedCount).toBe(0);
  });

  it('when unsaved answers were kept from an older version, then they come back as a conflict to settle, not saved blindly over', async () => {
    const a = await draft();
    const changed = await h.call('leaderA', 'PATCH', `/assessments/${a.id}`, { version: a.version, answers: { 'inclusion-disabled-rate': 9 } });
    const kept: StoredChanges = { version: a.version, changes: { profile: {}, answers: { 'inclusion-disabled-rate': 2 } } };
    let saved: StoredChanges | undefined = kept;
    const store: PendingStore = { load: () => kept, save: (s) => { saved = s; } };
    const { saver } = saverFor(changed.body, 'leaderA', { store });
    expect(saver.state).toBe('conflict');
    expect(saver.value('answers', 'inclusion-disabled-rate')).toBe(2);
    await saver.keepMine();
    expect(saver.state).toBe('saved');
    expect((await stored(a.id)).answers).toEqual({ 'inclusion-disabled-rate': 2 });
    expect(saved?.changes).toEqual({ profile: {}, answers: {} });
  });

  it('when the form is gone, then its saver neither saves nor schedules anything more', async () => {
    const a = await draft();
    const { saver, calls } = saverFor(a);
    saver.dispose();
    saver.change('answers', 'inclusion-disabled-rate', 4);
    await saver.flush();
    expect(calls()).toBe(0);
  });
});
