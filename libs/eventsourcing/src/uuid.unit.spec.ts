import { uuidv7 } from './uuid.js';

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
