/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  /** Text, or bytes for a file sent to standard output (an XLSX template). */
  out(data: string | Uint8Array): void;
  err(text: string): void;
  /** Standard output is a terminal: bytes of a binary file would only garble it. */
  readonly outIsTerminal?: boolean;
}

export const processIo: CliIo = {
  out: (data) => process.stdout.write(data),
  err: (text) => process.stderr.write(text),
  get outIsTerminal() {
    return process.stdout.isTTY === true;
  },
};

/** Exit codes: 0 fine, 1 problems found in content or answers, 2 the command could not run. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
