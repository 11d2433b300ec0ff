import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness({ seed: false });
  base = h.url.replace(/\/api\/v1$/, '');
});

afterAll(async () => {
  await h.close();
});

describe('the web interface’s files', () => {
  it('when the page is asked for, then it comes from this server with a policy that allows nothing from elsewhere', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
    const html = await response.text();
    // Every asset is local: no address with a host in the page.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('assets/app.js');
  });

  it('when the assets are asked for, then they are served with their types and revalidated', async () => {
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe('no-cache');
    const bundle = await js.text();
    expect(bundle).not.toMatch(/https?:\/\/(?!www\.w3\.org)[a-z0-9.-]+\/[^"'\s]*\.(js|css|woff2?)/);
    const css = await fetch(`${base}/assets/app.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('when a path is neither the page, an asset nor the API, then the answer is the usual JSON 404 and no file outside the assets is reachable', async () => {
    for (const path of ['/nowhere', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/index.html/../package.json']) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toContain('"name": "impact-score"');
    }
  });
});
