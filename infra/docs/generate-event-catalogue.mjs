// `npm run docs:events`: writes docs/events.md and docs/asyncapi.json from libs/contracts (built into dist/ first).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../swc.config.mjs';

const { renderEventCatalogue, renderAsyncApi } = await import(path.join(repoRoot, 'dist/libs/contracts/src/index.js'));
writeFileSync(path.join(repoRoot, 'docs/events.md'), renderEventCatalogue());
writeFileSync(path.join(repoRoot, 'docs/asyncapi.json'), `${JSON.stringify(renderAsyncApi(), null, 2)}\n`);
console.log('wrote docs/events.md and docs/asyncapi.json');
