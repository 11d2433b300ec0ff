import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import { packageRoot } from '../content/package-root.js';

/** Where `npm run build` puts the browser app (index.html, app.js, app.css, fonts). */
export const WEB_ROOT = join(packageRoot(), 'dist', 'ui');

/**
 * The web interface: a single page served by the API's own process, every asset local so it
 * works with no internet access. Assets are revalidated (ETag) rather than cached blindly: their
 * names carry no hash, and a stale app.js against a newer API would misbehave.
 */
export function webApp(root: string = WEB_ROOT): express.Router {
  const router = express.Router();
  const index = join(root, 'index.html');
  const sendIndex = (_req: Request, res: Response) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('Interface web absente : lancez « npm run build ». / Web interface missing: run "npm run build".\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.get('/', sendIndex);
  router.get('/index.html', sendIndex);
  router.use('/assets', express.static(join(root, 'assets'), { index: false, fallthrough: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  return router;
}

/** The page may load only what this server serves: no CDN, no inline script. */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};
