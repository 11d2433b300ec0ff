import { execFileSync } from 'node:child_process';

// The end-to-end CLI tests run the real bin (dist/), so build it once before the suite.
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
