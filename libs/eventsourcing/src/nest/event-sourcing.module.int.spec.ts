import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, type TestDatabase } from '@cogov/testing';
import { CommandHandlingService, ERASED, PersonalDataVault, PostgresEventStore, type Decider } from '../index.js';
import { EventSourcingModule } from './event-sourcing.module.js';

type Noted = { type: 'Noted'; data: { text: unknown } };
const notes: Decider<{ text: unknown }, Noted, number> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command) => [{ type: 'Noted', data: { text: command.text } }],
};

describe('EventSourcingModule', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('es_nest');
    // drop() ends the pool and then force-drops the database; a client still closing must not crash the run.
    db.pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('wires the store, the command service and the vault, creates the schema, and closes its own pool', async () => {
    @Module({ imports: [EventSourcingModule.forRoot({ connectionString: db.url, masterKey: randomBytes(32).toString('base64') })] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const commands = app.get(CommandHandlingService);
    const vault = app.get(PersonalDataVault);
    const store = app.get(PostgresEventStore);

    const phone = await vault.encrypt('resident-1', '13800138000');
    const handled = await commands.handle({
      streamId: 'resident-1',
      decider: notes,
      command: { text: phone },
      metadata: { actor: 'user:1', communityId: 'c1', correlationId: 'x', causationId: 'y', occurredAt: '2026-11-21T05:11:55.000Z' },
    });
    expect(handled).toMatchObject({ nextStreamVersion: 1, state: 1 });
    const [event] = await store.readStream('resident-1');
    const stored = (event!.data as { text: typeof phone }).text;
    expect(await vault.decrypt(stored)).toBe('13800138000');
    await vault.eraseSubject('resident-1');
    expect(await vault.decrypt(stored)).toBe(ERASED);
    await app.close();
  });

  it('takes its options from a factory, and says clearly when the master key is wrong', async () => {
    @Module({
      imports: [EventSourcingModule.forRootAsync({ useFactory: () => ({ pool: db.pool, masterKey: 'c2hvcnQ=' }) })],
    })
    class BadKeyModule {}
    await expect(NestFactory.createApplicationContext(BadKeyModule, { logger: false, abortOnError: false })).rejects.toThrow(/exactly 32 bytes/);
  });
});
