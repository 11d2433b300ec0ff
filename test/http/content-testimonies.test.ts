import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('the content’s testimonies', () => {
  it('when anyone reads them, then every testimony comes in their language with the indicators of the actions citing it', async () => {
    const fr = (await h.call(null, 'GET', '/testimonies')).body as { testimonies: { id: string; title: string; indicators: string[] }[] };
    const en = (await h.call(null, 'GET', '/testimonies?lang=en')).body as typeof fr;
    const content = h.ctx.content;
    expect(fr.testimonies.map((t) => t.id).sort()).toEqual(content.testimonies.map((t) => t.id).sort());
    const one = content.testimonies[0]!;
    expect(fr.testimonies.find((t) => t.id === one.id)!.title).toBe(one.title.fr);
    expect(en.testimonies.find((t) => t.id === one.id)!.title).toBe(one.title.en ?? one.title.fr);
    const citing = content.actions.filter((a) => a.testimonies.includes(one.id)).map((a) => a.indicator);
    expect(fr.testimonies.find((t) => t.id === one.id)!.indicators).toEqual([...new Set(citing)].sort());
  });
});
