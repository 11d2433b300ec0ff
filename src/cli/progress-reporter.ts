import cliProgress from 'cli-progress';
import type { Lang } from '../core/text.js';
import type { CliIo } from './cli-io.js';

/** How far a batch is: rows scored or rejected, and bytes read of the input's total (0: unknown, as for XLSX). */
export interface Progress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ProgressReporter {
  update(p: Progress): void;
  stop(): void;
}

export type ProgressMode = 'bar' | 'lines' | 'none';

/**
 * A bar with rate and remaining time on a terminal; plain lines elsewhere (logs, CI). Without a
 * known total, both show rows and rate only: a percentage or a remaining time would be made up.
 */
export function progressReporter(mode: ProgressMode, io: CliIo, lang: Lang, stream: NodeJS.WritableStream = process.stderr): ProgressReporter {
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  return mode === 'bar' ? barReporter(lang, stream) : lineReporter(io, lang);
}

const BAR_FORMATS: Record<Lang, { known: string; unknown: string }> = {
  fr: {
    known: ' {bar} {percentage} % | {rows} lignes | {rate} lignes/s | reste {eta_formatted}',
    unknown: ' {rows} lignes | {rate} lignes/s | depuis {duration_formatted}',
  },
  en: {
    known: ' {bar} {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left',
    unknown: ' {rows} rows | {rate} rows/s | {duration_formatted} elapsed',
  },
};

function rowsPerSecond(): (rows: number) => number {
  const t0 = Date.now();
  return (rows) => Math.round(rows / Math.max(0.001, (Date.now() - t0) / 1000));
}

function barReporter(lang: Lang, stream: NodeJS.WritableStream): ProgressReporter {
  const rate = rowsPerSecond();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (p) => {
      // Made at the first update: the reader knows the total only once it has opened the file.
      bar ??= startBar(p.totalBytes, lang, stream);
      bar.update(p.bytesRead, { rows: p.rows.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB'), rate: rate(p.rows) });
    },
    stop: () => bar?.stop(),
  };
}

function startBar(totalBytes: number, lang: Lang, stream: NodeJS.WritableStream): cliProgress.SingleBar {
  const format = BAR_FORMATS[lang][totalBytes > 0 ? 'known' : 'unknown'];
  const bar = new cliProgress.SingleBar({ format, hideCursor: true, stream }, cliProgress.Presets.shades_classic);
  bar.start(totalBytes, 0, { rows: 0, rate: 0 });
  return bar;
}

function lineReporter(io: CliIo, lang: Lang): ProgressReporter {
  const rate = rowsPerSecond();
  let last: number | undefined;
  return {
    // The first update at once, then one every 2 s at most: even a short run shows a line, and
    // a long one does not flood its log.
    update: (p) => {
      const now = Date.now();
      if (last !== undefined && now - last < 2000) return;
      last = now;
      io.err(progressLine(p, rate(p.rows), lang));
    },
    stop: () => {},
  };
}

function progressLine(p: Progress, rate: number, lang: Lang): string {
  const share = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : undefined;
  return lang === 'fr'
    ? `progression: ${share === undefined ? '' : `${share} %, `}${p.rows} lignes, ${rate} lignes/s\n`
    : `progress: ${share === undefined ? '' : `${share}%, `}${p.rows} rows, ${rate} rows/s\n`;
}
