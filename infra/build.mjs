// Compiles libs/ and services/ (TypeScript, ESM) into dist/ with SWC, rewriting the @cogov/* aliases
// into relative imports so `node dist/services/<name>/src/main.js` runs without a loader.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
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

/** Each file replaced atomically (write, then rename): a service starting from dist/ during a build never reads half a file. */
async function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

async function* files(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const started = Date.now();
const outRoot = path.join(repoRoot, 'dist');
// Built in place rather than wiped first, so a concurrent reader (a test starting a service) never finds dist/ empty;
// files whose source is gone are pruned at the end.
const written = new Set();
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
    await writeAtomically(out, map ? `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n` : code);
    written.add(out);
    if (map) {
      await writeAtomically(`${out}.map`, map);
      written.add(`${out}.map`);
    }
    count++;
  }
}
for await (const file of files(outRoot)) {
  if (!written.has(file) && !file.endsWith('.tmp')) await rm(file, { force: true });
}
console.log(`built ${count} files into dist/ in ${Date.now() - started} ms`);
