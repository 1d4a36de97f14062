import { Inject } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, optionalUuid, PersonalDataPresenter, ReadModels, requireEnum, requireInt, requireText, requireUuid } from '@cogov/service-kit';
import { APPEAL_CHANNELS } from '../../appeal.events.js';
import { AppealType, appealFromRow } from '../../appeal.graphql.js';
import { AppealBoardRow } from './appeal-board.entity.js';

const STATUSES = ['filed', 'accepted', 'dispatched', 'resolved', 'closed', 'reopened'] as const;

@InputType()
export class AppealBoardFilter {
  @Field(() => [String], { nullable: true }) status?: string[] | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Dispatched and past the deadline now.' }) overdue?: boolean | null;
  @Field(() => ID, { nullable: true }) gridId?: string | null;
}

@ObjectType('AppealEdge')
export class AppealEdge {
  @Field() cursor!: string;
  @Field(() => AppealType) node!: AppealType;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('AppealConnection')
export class AppealConnection {
  @Field(() => [AppealEdge]) edges!: AppealEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** Opaque cursor over the board's stable order (newest filed first, appeal id breaking ties). */
const encodeCursor = (row: AppealBoardRow): string => Buffer.from(JSON.stringify([row.filedAt.toISOString(), row.appealId])).toString('base64url');

function decodeCursor(cursor: string): { filedAt: Date; appealId: string } {
  try {
    const [filedAt, appealId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(filedAt);
    if (Number.isNaN(date.getTime()) || typeof appealId !== 'string') throw new Error('bad cursor');
    return { filedAt: date, appealId };
  } catch {
    throw new ValidationError('after', 'after is not a cursor this API returned');
  }
}

@Resolver()
export class AppealBoardResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
  ) {}

  @Query(() => AppealConnection)
  async appealBoard(
    @CurrentActor() actor: Actor,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('filter', { type: () => AppealBoardFilter, nullable: true }) filter: AppealBoardFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AppealConnection> {
    const community = requireUuid(communityId, 'communityId');
    const limit = requireInt(first, 'first', 1, 200);
    if (!(await this.jurisdiction.covers(actor, { communityId: community }))) {
      throw new ForbiddenError(`community ${community} is outside your jurisdiction`);
    }
    const now = new Date();
    const where: FilterQuery<AppealBoardRow>[] = [{ communityId: community }];
    if (filter?.status?.length) where.push({ status: { $in: filter.status.map((s, i) => requireEnum(s, STATUSES, `filter.status[${i}]`)) } });
    if (filter?.category) where.push({ category: requireText(filter.category, 'filter.category', { max: 60 }) });
    if (filter?.channel) where.push({ channel: requireEnum(filter.channel, APPEAL_CHANNELS, 'filter.channel') });
    const gridId = optionalUuid(filter?.gridId, 'filter.gridId');
    if (gridId) where.push({ gridId });
    if (filter?.overdue === true) where.push({ status: 'dispatched', deadline: { $lt: now } });
    if (filter?.overdue === false) where.push({ $or: [{ status: { $ne: 'dispatched' } }, { deadline: { $gte: now } }] });
    if (after) {
      const c = decodeCursor(after);
      where.push({ $or: [{ filedAt: { $lt: c.filedAt } }, { filedAt: c.filedAt, appealId: { $lt: c.appealId } }] });
    }
    const rows = await this.readModels
      .em()
      .find(AppealBoardRow, { $and: where }, { orderBy: [{ filedAt: 'desc' }, { appealId: 'desc' }], limit: limit + 1 });
    const page = rows.slice(0, limit);
    const nodes = await this.present(actor, page, now);
    return {
      edges: page.map((row, i) => ({ cursor: encodeCursor(row), node: nodes[i]! })),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null },
    };
  }

  @Query(() => AppealType)
  async appeal(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<AppealType> {
    const row = await this.readModels.em().findOne(AppealBoardRow, { appealId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('appeal', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId, gridId: row.gridId }))) {
      throw new ForbiddenError(`appeal ${id} is outside your jurisdiction`);
    }
    const [appeal] = await this.present(actor, [row], new Date());
    return appeal!;
  }

  private async present(actor: Actor, rows: AppealBoardRow[], now: Date): Promise<AppealType[]> {
    const descriptions = await this.personal.present(
      actor,
      rows.map((row) => ({ place: { communityId: row.communityId, gridId: row.gridId }, field: row.description, mask: undefined })),
    );
    return rows.map((row, i) => ({ ...appealFromRow(row, now), description: descriptions[i]! }));
  }
}
