import { renameSync, rmSync } from 'node:fs';
import { EXIT, type CliIo } from './cli-io.js';

/**
 * Writes `output` through `write(partial)` beside it, then renames: an interrupted export never
 * leaves a truncated file under the name asked for. Prints the file's name; a failure its reason.
 */
export async function writeBeside(output: string, io: CliIo, write: (partial: string) => Promise<void>): Promise<number> {
  const partial = `${output}.partial`;
  try {
    await write(partial);
    renameSync(partial, output);
  } catch (error) {
    rmSync(partial, { force: true });
    io.err(`impact-score: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  io.out(`${output}\n`);
  return EXIT.ok;
}
