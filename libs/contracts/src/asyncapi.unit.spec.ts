import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { renderAsyncApi } from './asyncapi.js';
import { allPublicContracts } from './public.js';

describe('the AsyncAPI document of the public topics (docs/asyncapi.json)', () => {
  const rendered = renderAsyncApi();

  it('is up to date with the contracts (run `npm run docs:events` after changing one)', () => {
    const file = readFileSync(path.join(process.cwd(), 'docs/asyncapi.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(rendered);
  });

  it('is a valid AsyncAPI 3 document with every public event as a message', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(rendered));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    const names = document!.allMessages().all().map((m) => m.name());
    expect(new Set(names)).toEqual(new Set(allPublicContracts().map((c) => c.cloudEventType)));
    expect(document!.channels().all().map((c) => c.address()).sort()).toEqual(
      ['organisations', 'party-building', 'property', 'residents', 'volunteers'].map((c) => `cogov.${c}.public.v1`),
    );
  }, 60_000);
});
