#!/usr/bin/env node
/**
 * The `canary-judge` executable: runs {@link main} with the process's arguments and streams and sets the exit code
 * (the build bundles this file as `dist/cli.js`, the package's `bin`). `npx tsx src/cli/main.ts demo` runs it from
 * source.
 * @module
 */
import { main } from './cli.js';
import { nodeIo } from './io.js';

// a closed pipe (`canary-judge demo | head`) is not an error worth a stack trace
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`canary-judge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
