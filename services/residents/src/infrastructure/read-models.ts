import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { AppealBoardRow } from '../appeal/projections/appeal-board/appeal-board.entity.js';
import { CommunityRow, GridRow, HouseholdRow, ResidentRow } from '../community/projections/community-directory/community-directory.entities.js';

/**
 * MikroORM over the projection VIEWS: entities are read-only mappings, never flushed (the projections
 * own the tables and write them in SQL inside the runner's transaction, with the checkpoint).
 */
export const READ_MODEL_ENTITIES = [CommunityRow, GridRow, HouseholdRow, ResidentRow, AppealBoardRow];

export class ReadModels {
  private constructor(private readonly orm: MikroORM) {}

  static async connect(databaseUrl: string): Promise<ReadModels> {
    const orm = await MikroORM.init({
      clientUrl: databaseUrl,
      entities: READ_MODEL_ENTITIES,
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
