import { uuidv7, uuidv7FromName } from './uuid.js';

describe('uuidv7', () => {
  it('has the RFC 9562 version and variant and the time in its first 48 bits', () => {
    const now = Date.UTC(2026, 10, 21, 5, 11, 55);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
  it('sorts in creation order within one millisecond and is unique', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_900_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('uuidv7FromName', () => {
  it('gives the same id for the same name and instant, another for another name, in the UUIDv7 layout', () => {
    const at = Date.UTC(2026, 10, 21, 7, 0, 0);
    const id = uuidv7FromName('appeal-work-orders:0190a000-0000-7000-8000-000000000001:command#0', at);
    expect(id).toBe(uuidv7FromName('appeal-work-orders:0190a000-0000-7000-8000-000000000001:command#0', at));
    expect(id).not.toBe(uuidv7FromName('appeal-work-orders:0190a000-0000-7000-8000-000000000001:command#1', at));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });
});
