import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventCatalogue } from './catalogue.js';
import { allContracts } from './registry.js';

describe('event catalogue (docs/events.md)', () => {
  const rendered = renderEventCatalogue();

  it('lists every contract with its CloudEvents type', () => {
    for (const contract of allContracts()) expect(rendered).toContain(`\`${contract.cloudEventType}\``);
  });

  it('is up to date with the schemas (run `npm run docs:events` after changing a contract)', () => {
    const file = readFileSync(path.join(process.cwd(), 'docs/events.md'), 'utf8');
    expect(file).toEqual(rendered);
  });
});
