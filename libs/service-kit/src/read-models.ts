import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';

/** The MikroORM entities a service maps onto its projection views. */
export type ReadModelEntities = NonNullable<Options['entities']>;

/**
 * MikroORM over the projection VIEWS: entities are read-only mappings, never flushed (the projections
 * own the tables and write them in SQL inside the runner's transaction, with the checkpoint).
 */
export class ReadModels {
  private constructor(private readonly orm: MikroORM) {}

  static async connect(databaseUrl: string, entities: ReadModelEntities): Promise<ReadModels> {
    const orm = await MikroORM.init({
      clientUrl: databaseUrl,
      entities,
      pool: { min: 0, max: 5 },
      // Nothing here is ever written: without a global context a missing fork fails loudly.
      allowGlobalContext: false,
      debug: false,
    });
    return new ReadModels(orm);
  }

  /** A fresh, request-scoped EntityManager (no identity map shared across requests). */
  em(): EntityManager {
    return this.orm.em.fork({ clear: true }) as EntityManager;
  }

  async close(): Promise<void> {
    await this.orm.close(true);
  }
}
