// `npm run docs:events`: writes docs/events.md from libs/contracts (built into dist/ first).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../swc.config.mjs';

const { renderEventCatalogue } = await import(path.join(repoRoot, 'dist/libs/contracts/src/index.js'));
writeFileSync(path.join(repoRoot, 'docs/events.md'), renderEventCatalogue());
console.log('wrote docs/events.md');
