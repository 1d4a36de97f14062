/** Lifts the payload of one event type from one schema version to the next. Pure. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by (event type, from schema version). Stored payloads are never rewritten: each read lifts an old
 * payload step by step (v1 → v2 → v3) to the newest version, and new events are written at that version.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();
  private readonly latest = new Map<string, number>();

  /** Registers the step `fromSchemaVersion → fromSchemaVersion + 1` of `type`. */
  register(type: string, fromSchemaVersion: number, upcast: Upcaster): this {
    const key = `${type}@${fromSchemaVersion}`;
    if (this.steps.has(key)) throw new Error(`upcaster ${key} is already registered`);
    this.steps.set(key, upcast);
    this.latest.set(type, Math.max(this.latest.get(type) ?? 1, fromSchemaVersion + 1));
    return this;
  }

  /** The schema version new events of `type` are written at: one past the last registered step, else 1. */
  currentVersion(type: string): number {
    return this.latest.get(type) ?? 1;
  }

  upcast(type: string, schemaVersion: number, data: Record<string, unknown>): { schemaVersion: number; data: Record<string, unknown> } {
    if (this.steps.size === 0) return { schemaVersion, data };
    let version = schemaVersion;
    let current = data;
    for (let step = this.steps.get(`${type}@${version}`); step; step = this.steps.get(`${type}@${version}`)) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
