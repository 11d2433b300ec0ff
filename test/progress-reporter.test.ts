import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../src/cli/progress-reporter.js';

/** Standard error as the lines mode writes to it. */
function bufferIo() {
  const io = { text: '', out: () => {}, err: (text: string) => void (io.text += text) };
  return io;
}

/** What a terminal would receive: cli-progress draws only on a stream that says it is one. */
class TerminalBuffer extends Writable {
  readonly isTTY = true;
  readonly columns = 120;
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('batch progress reporter', () => {
  it('when the total is unknown (0 bytes, as for XLSX), then the first progress line comes at once with rows and rate, without a percentage', () => {
    const io = bufferIo();
    progressReporter('lines', io, 'fr').update({ rows: 12, bytesRead: 5000, totalBytes: 0 });
    expect(io.text).toMatch(/^progression: 12 lignes, \d+ lignes\/s\n$/);
  });

  it('when the total is known, then the line gives the share read, in English with --lang en', () => {
    const io = bufferIo();
    progressReporter('lines', io, 'en').update({ rows: 12, bytesRead: 50, totalBytes: 200 });
    expect(io.text).toMatch(/^progress: 25%, 12 rows, \d+ rows\/s\n$/);
  });

  it('when the total is unknown on a terminal, then the bar shows rows, rate and time spent, with no percentage nor remaining time', () => {
    const terminal = new TerminalBuffer();
    const report = progressReporter('bar', bufferIo(), 'fr', terminal);
    report.update({ rows: 1234, bytesRead: 5000, totalBytes: 0 });
    report.stop();
    expect(terminal.text).toMatch(/1\s234 lignes \| \d+ lignes\/s \| depuis/u);
    expect(terminal.text).not.toContain('%');
    expect(terminal.text).not.toContain('reste');
  });

  it('when the total is known on a terminal, then the bar shows the percentage and the remaining time', () => {
    const terminal = new TerminalBuffer();
    const report = progressReporter('bar', bufferIo(), 'en', terminal);
    report.update({ rows: 10, bytesRead: 50, totalBytes: 200 });
    report.stop();
    expect(terminal.text).toMatch(/25% \| 10 rows \| \d+ rows\/s \| .+ left/);
  });
});
