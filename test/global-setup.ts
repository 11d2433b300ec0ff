import { execFileSync } from 'node:child_process';

// The end-to-end tests run the real bin (dist/) and the built web interface (dist/ui), so build
// both once before the suite.
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-ui.mjs'], { stdio: 'inherit' });
}
