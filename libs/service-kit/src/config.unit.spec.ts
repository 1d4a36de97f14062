import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadServiceConfig } from './config.js';
import { readModelProgressChannel } from './read-your-writes.js';

describe('loadServiceConfig', () => {
  const defaults = { database: 'cogov_volunteers', port: 4003 };
  const key = Buffer.alloc(32, 7).toString('base64');

  it("fills a context's defaults and reads the common variables", () => {
    const config = loadServiceConfig({ COGOV_MASTER_KEY: key, COGOV_DATA: '/data' }, defaults);
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/cogov_volunteers',
      kafkaBrokers: ['127.0.0.1:9092'],
      port: 4003,
      jwt: { key: { jwks: '/data/keys/dev-jwks.json' } },
      relayEnabled: true,
      readYourWritesTimeoutMs: 3000,
    });
    expect(loadServiceConfig({ COGOV_MASTER_KEY: key, KAFKA_BROKERS: 'a:1, b:2', PORT: '5000' }, defaults)).toMatchObject({ kafkaBrokers: ['a:1', 'b:2'], port: 5000 });
  });

  it('fails at boot on a malformed setting, naming it', () => {
    expect(() => loadServiceConfig({ COGOV_MASTER_KEY: key, PORT: 'eighty' }, defaults)).toThrow("PORT must be an integer >= 1, got 'eighty'");
    expect(() => loadServiceConfig({ COGOV_MASTER_KEY: 'c2hvcnQ=' }, defaults)).toThrow('COGOV_MASTER_KEY must be base64 of exactly 32 bytes');
  });

  it('generates the dev master key once and reads the same one next time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cogov-kit-'));
    expect(loadServiceConfig({ COGOV_DATA: dir }, defaults).masterKey.equals(loadServiceConfig({ COGOV_DATA: dir }, defaults).masterKey)).toBe(true);
  });
});

describe('readModelProgressChannel', () => {
  it('is an SQL identifier per context', () => {
    expect(readModelProgressChannel('residents')).toBe('residents_read_models');
    expect(readModelProgressChannel('party-building')).toBe('party_building_read_models');
  });
});
