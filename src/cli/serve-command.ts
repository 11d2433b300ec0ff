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
import { EXIT, type CliIo } from './cli-io.js';
import { fail } from './answers-input.js';

/** `impact-score serve`: migrate, seed the demo on first start, serve until SIGTERM/SIGINT. */
export async function serveCommand(config: Config, io: CliIo): Promise<number> {
  const opened = await openContext(config, { dataFolder: true });
  if (!opened.ok) return fail(io, opened.issues, 'fr', EXIT.problems);
  const ctx = opened.value;
  const logger = serviceLogger(config.LOG_LEVEL);
  // A SQLite file is served by one process: batches its previous process held are free at once.
  // On PostgreSQL other instances may be running them; theirs are taken over when their leases run out.
  if (ctx.store.dialect === 'sqlite') await ctx.store.batches.releaseAll();
  const batches = createBatchRunner(ctx, config, (message) => logger.error(message)).start();
  const stopSweeping = sweepEveryHour(ctx, config, logger);
  const pdf = createPdfRenderer();
  const app = createApp(ctx, config, logger, { pdf, batches });
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: Error) => {
    io.err(`impact-score: impossible d’écouter sur ${config.HOST}:${config.PORT} (${error.message})\n`);
    await batches.stop();
    await ctx.store.close();
    throw Object.assign(error, { handled: true });
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port, database: ctx.store.name, instance: batches.instance, contentVersion: ctx.content.version, demoSeeded: ctx.seeded }, 'impact-score listening');
  io.out(`impact-score : http://${config.HOST}:${port}/api/v1 (contenu ${ctx.content.version}, ${ctx.store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'})${ctx.seeded ? ' — données de démonstration créées, voir le README' : ''}\n`);
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
