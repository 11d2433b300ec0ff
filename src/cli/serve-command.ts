import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { openContext } from '../app/open-context.js';
import type { AppContext } from '../app/app-context.js';
import { createBatchRunner } from '../app/batch-runner.js';
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
  const logger = serviceLogger(config.LOG_LEVEL);
  // A PostgreSQL connection lost between queries: the next query reconnects, the operator should know.
  const onLostConnection = (error: Error) => logger.warn({ reason: error.message }, 'database connection lost');
  const opened = await openContext(config, { dataFolder: true, onLostConnection, commits: 'grouped' });
  if (!opened.ok) return fail(io, opened.issues, lang, EXIT.problems);
  const ctx = opened.value;
  // A SQLite file is served by one process: batches its previous process held are free at once.
  // On PostgreSQL other instances may be running them; theirs are taken over when their leases run out.
  if (ctx.store.dialect === 'sqlite') await ctx.store.batches.releaseAll();
  const batches = createBatchRunner(ctx, config, (message) => logger.error(message)).start();
  const stopSweeping = sweepEveryHour(ctx, config, logger);
  const pdf = createPdfRenderer(config.PDF_WORKERS);
  const app = createApp(ctx, config, logger, { pdf, batches });
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
    await Promise.allSettled([pdf.close(), batches.stop()]);
    await ctx.store.close();
    return EXIT.usage;
  }
  const { port } = server.address() as AddressInfo;
  logger.info({ port, database: ctx.store.name, instance: batches.instance, contentVersion: ctx.content.version, demoSeeded: ctx.seeded }, 'impact-score listening');
  const url = `http://${config.HOST}:${port}/`;
  const store = ctx.store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  io.out(lang === 'fr'
    ? `impact-score\u00a0: ${url} (API sous ${url}api/v1, contenu ${ctx.content.version}, ${store})${ctx.seeded ? ' — données de démonstration créées, voir le README' : ''}\n`
    : `impact-score: ${url} (API under ${url}api/v1, content ${ctx.content.version}, ${store})${ctx.seeded ? ' — demo data created, see the README' : ''}\n`);
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'draining in-flight requests');
      stopSweeping();
      server.close(() => {
        void Promise.allSettled([pdf.close(), batches.stop()]).finally(() => {
          void ctx.store.close().finally(() => resolve(EXIT.ok));
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
  const sweep = async () => {
    try {
      const swept = await sweepBatchFiles(ctx, config.DATA_DIR, { inputDays: config.BATCH_INPUT_DAYS, resultDays: config.BATCH_RESULT_DAYS });
      if (swept > 0) logger.info({ swept }, 'batch files removed on schedule');
    } catch (error) {
      logger.error({ err: error }, 'batch files could not be swept');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
