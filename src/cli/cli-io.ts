/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 fine, 1 problems found in content or answers, 2 the command could not run. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
