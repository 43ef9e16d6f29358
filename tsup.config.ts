import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // the library: ESM + CJS + .d.ts
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node18',
    splitting: false,
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
