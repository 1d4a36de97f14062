import { UpcasterRegistry } from './upcasters.js';

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('AppealFiled', 1, (data) => ({ ...data, channel: 'hotline' }))
    .register('AppealFiled', 2, ({ text, ...rest }) => ({ ...rest, description: text }));

  it('lifts an old payload step by step to the newest version', () => {
    expect(registry.upcast('AppealFiled', 1, { text: 'lift broken' })).toEqual({
      schemaVersion: 3,
      data: { channel: 'hotline', description: 'lift broken' },
    });
    expect(registry.upcast('AppealFiled', 2, { text: 't', channel: 'app' })).toEqual({ schemaVersion: 3, data: { channel: 'app', description: 't' } });
  });
  it('leaves current payloads and other types alone', () => {
    const data = { description: 'x', channel: 'visit' };
    expect(registry.upcast('AppealFiled', 3, data)).toEqual({ schemaVersion: 3, data });
    expect(registry.upcast('AppealRated', 1, data)).toEqual({ schemaVersion: 1, data });
  });
  it('knows the version new events are written at', () => {
    expect(registry.currentVersion('AppealFiled')).toBe(3);
    expect(registry.currentVersion('AppealRated')).toBe(1);
  });
  it('refuses two upcasters for the same step', () => {
    expect(() => new UpcasterRegistry().register('A', 1, (d) => d).register('A', 1, (d) => d)).toThrow(/already registered/);
  });
});
