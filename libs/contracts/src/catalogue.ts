import { publicContractFor } from './public.js';
import { allContracts, type EventContract } from './registry.js';
import type { JsonSchema } from './json-schema.js';

/**
 * Renders the human-readable event catalogue (docs/events.md) from the contracts, so the document cannot
 * drift from the schemas: a unit test compares the file with this output.
 */
export function renderEventCatalogue(): string {
  const contracts = allContracts().sort(
    (a, b) => a.context.localeCompare(b.context) || a.eventType.localeCompare(b.eventType) || a.schemaVersion - b.schemaVersion,
  );
  const lines: string[] = [
    '# Event catalogue',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:events`; a test fails when this file is stale. -->',
    '',
    'Every event travels as a CloudEvents 1.0 message (structured JSON) on `cogov.<context>.events`, keyed by',
    'its stream id. Attributes: `id` (event id, UUIDv7), `source` (`/cogov/<context>`), `type` (below, with its',
    'version), `subject` (stream id), `time` (UTC), and the extensions `communityid`, `correlationid`,',
    '`causationid`, `streamversion`, `actor`. Personal fields are `EncryptedField`s (AES-256-GCM under the data',
    "subject's key, see [ADR 0003](adr/0003-personal-data-encryption.md)): never plaintext.",
    '',
    'Partners and analysts read the **public** events instead, on `cogov.<context>.public.v1`',
    '([ADR 0009](adr/0009-public-events.md), [AsyncAPI document](asyncapi.json)): the events marked public below, with',
    'no personal field at all (not even encrypted), no id of a natural person and no free text written about',
    'people; their CloudEvents type is `cn.cogov.public.<context>.<event>.v<n>`, and they carry no `actor`.',
    '',
    '| context | event | version | CloudEvents type | personal fields | public |',
    '|---|---|---|---|---|---|',
    ...contracts.map(
      (c) =>
        `| ${c.context} | [${c.eventType}](#${anchor(c)}) | v${c.schemaVersion} | \`${c.cloudEventType}\` | ${
          c.personalFields.map((f) => `\`${f}\``).join(', ') || '—'
        } | ${publicContractFor(c.eventType, c.schemaVersion) ? 'yes' : '—'} |`,
    ),
    '',
  ];
  for (const contract of contracts) lines.push(...renderContract(contract));
  return `${lines.join('\n').trimEnd()}\n`;
}

function anchor(contract: EventContract): string {
  return `${contract.eventType}-v${contract.schemaVersion}`.toLowerCase();
}

function renderContract(contract: EventContract): string[] {
  const schema = contract.schema;
  const examples = (schema['examples'] as unknown[] | undefined) ?? [];
  return [
    `## ${contract.eventType} v${contract.schemaVersion}`,
    '',
    `<a id="${anchor(contract)}"></a>${String(schema['description'] ?? '')}`,
    '',
    `CloudEvents type \`${contract.cloudEventType}\` · schema \`${String(schema['$id'] ?? '')}\``,
    '',
    '| field | type | meaning |',
    '|---|---|---|',
    ...fieldRows(schema),
    '',
    ...(examples.length > 0 ? ['Example `data`:', '', '```json', JSON.stringify(examples[0], null, 2), '```', ''] : []),
    publicLine(contract),
    '',
    `Version history: v1 — first published.`,
    '',
  ];
}

function fieldRows(schema: JsonSchema, prefix = ''): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const row = `| \`${path}\` | ${typeOf(property)} | ${String(property['description'] ?? '').replace(/\|/g, '\\|')} |`;
    return property['type'] === 'object' && property['properties'] ? [row, ...fieldRows(property, path)] : [row];
  });
}

function typeOf(property: JsonSchema): string {
  if (typeof property['$ref'] === 'string') return 'EncryptedField';
  if (Array.isArray(property['anyOf'])) return (property['anyOf'] as JsonSchema[]).map(typeOf).join(' \\| ');
  if (Array.isArray(property['enum'])) return (property['enum'] as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ');
  const type = property['type'];
  const base = Array.isArray(type) ? type.join(' \\| ') : String(type ?? 'any');
  return property['format'] ? `${base} (${String(property['format'])})` : base;
}

function publicLine(contract: EventContract): string {
  const pub = publicContractFor(contract.eventType, contract.schemaVersion);
  if (!pub) return 'Public: no — internal to cogov (it concerns people, or carries what partners may not see).';
  return (
    `Public: \`${pub.cloudEventType}\` on \`${pub.topic}\`` +
    (pub.removed.length > 0 ? `, without ${pub.removed.map((f) => `\`${f}\``).join(', ')}.` : ', with every field.')
  );
}
