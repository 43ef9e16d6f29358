// Re-exports of src/cli: the `canary-judge` command as a function (Node only; not re-exported by the package's
// pure entry point). The executable is src/cli/main.ts.
export { main, CLI_VERSION } from './cli.js';
export { EXIT_CODES, exitCodeOf, exitCodeOfError, UsageError } from './exitCodes.js';
export { nodeIo, type CliIo, type CliStream, type CliScenario } from './io.js';
