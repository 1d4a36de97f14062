// Compiles libs/ and services/ (TypeScript, ESM) into dist/ with SWC, rewriting the @cogov/* aliases
// into relative imports so `node dist/services/<name>/src/main.js` runs without a loader.
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, swcOptions } from './swc.config.mjs';

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.includes('.spec.')) yield full;
  }
}

const started = Date.now();
const outRoot = path.join(repoRoot, 'dist');
await rm(outRoot, { recursive: true, force: true });
let count = 0;
for (const top of ['libs', 'services']) {
  for await (const file of walk(path.join(repoRoot, top))) {
    const relative = path.relative(repoRoot, file);
    const out = path.join(outRoot, relative.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, {
      ...swcOptions(),
      filename: file,
      outputPath: out,
      sourceFileName: path.relative(path.dirname(out), file),
      swcrc: false,
    });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, map ? `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n` : code);
    if (map) await writeFile(`${out}.map`, map);
    count++;
  }
}
console.log(`built ${count} files into dist/ in ${Date.now() - started} ms`);
