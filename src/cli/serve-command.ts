import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { openContext } from '../app/open-context.js';
import type { AppContext } from '../app/app-context.js';
import { sweepBatchFiles } from '../app/batch-retention.js';
import type { Config } from '../config.js';
import { createApp } from '../http/create-app.js';
import { serviceLogger } from '../http/logging.js';
import { createPdfRenderer } from '../pdf/pdf-renderer.js';
import type { Lang } from '../core/text.js';
import { EXIT, type CliIo } from './cli-io.js';
import { fail } from './answers-input.js';

/** `impact-score serve`: migrate, seed the demo on first start, serve until SIGTERM/SIGINT. */
export async function serveCommand(config: Config, io: CliIo, lang: Lang = 'fr'): Promise<number> {
  const opened = await openContext(config, { dataFolder: true });
  if (!opened.ok) return fail(io, opened.issues, lang, EXIT.problems);
  const ctx = opened.value;
  const logger = serviceLogger(config.LOG_LEVEL);
  const stopSweeping = sweepEveryHour(ctx, config, logger);
  const pdf = createPdfRenderer(config.PDF_WORKERS);
  const app = createApp(ctx, config, logger, pdf);
  const server = app.listen(config.PORT, config.HOST);
  // A port in use or refused is the operator's to fix: said once, in words, and the service stops (exit 2).
  const listening = await new Promise<boolean>((resolve) => {
    server.once('listening', () => resolve(true));
    server.once('error', (error: Error) => {
      io.err(lang === 'fr'
        ? `impact-score: impossible d’écouter sur ${config.HOST}:${config.PORT} (${error.message})\n`
        : `impact-score: cannot listen on ${config.HOST}:${config.PORT} (${error.message})\n`);
      resolve(false);
    });
  });
  if (!listening) {
    stopSweeping();
    await pdf.close();
    ctx.store.close();
    return EXIT.usage;
  }
  const { port } = server.address() as AddressInfo;
  logger.info({ port, database: config.DATABASE_FILE, contentVersion: ctx.content.version, demoSeeded: ctx.seeded }, 'impact-score listening');
  const url = `http://${config.HOST}:${port}/`;
  io.out(lang === 'fr'
    ? `impact-score\u00a0: ${url} (API sous ${url}api/v1, contenu ${ctx.content.version})${ctx.seeded ? ' — données de démonstration créées, voir le README' : ''}\n`
    : `impact-score: ${url} (API under ${url}api/v1, content ${ctx.content.version})${ctx.seeded ? ' — demo data created, see the README' : ''}\n`);
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'draining in-flight requests');
      stopSweeping();
      server.close(() => {
        void pdf.close().finally(() => {
          ctx.store.close();
          resolve(EXIT.ok);
        });
      });
      server.closeIdleConnections();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** Batch files removed on their schedule: at start (what came due while stopped), then every hour. */
function sweepEveryHour(ctx: AppContext, config: Config, logger: Logger): () => void {
  const sweep = () => {
    try {
      const swept = sweepBatchFiles(ctx, config.DATA_DIR, { inputDays: config.BATCH_INPUT_DAYS, resultDays: config.BATCH_RESULT_DAYS });
      if (swept > 0) logger.info({ swept }, 'batch files removed on schedule');
    } catch (error) {
      logger.error({ err: error }, 'batch files could not be swept');
    }
  };
  sweep();
  const timer = setInterval(sweep, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
