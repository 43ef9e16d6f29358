import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // the library: ESM + CJS + .d.ts; `canary-judge/io` holds the Node-only input adapters
    entry: { index: 'src/index.ts', io: 'src/io/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', io: 'src/io/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node18',
    // shared chunks: one CanaryJudgeError class for both entry points, so instanceof holds across them
    splitting: true,
    treeshake: true,
  },
  {
    // the CLI: ESM only (the bundled NAB scenarios locate their CSV files with import.meta.url)
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node18',
    splitting: false,
    treeshake: true,
    onSuccess: 'mkdir -p dist/nab && cp datasets/nab/*.csv dist/nab/',
  },
]);
