import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireUtcInstant, ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, optionalUuid, requireEnum, requireExternalId, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OPPORTUNITY_SOURCE_KINDS } from '../opportunity.events.js';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { PublishServiceOpportunityCommand } from './publish-service-opportunity.handler.js';

@InputType()
export class OpportunitySourceInput {
  @Field({ description: OPPORTUNITY_SOURCE_KINDS.join(' | ') }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The appeal / activity id; null exactly for standalone.' }) id?: string | null;
}

@InputType()
export class PublishServiceOpportunityInput {
  @Field(() => ID) communityId!: string;
  @Field(() => OpportunitySourceInput) source!: OpportunitySourceInput;
  @Field(() => ID, { nullable: true }) teamId?: string | null;
  @Field() title!: string;
  @Field() content!: string;
  @Field() place!: string;
  @Field() organisingUnit!: string;
  @Field(() => ID) personInChargeId!: string;
  @Field() personInChargeName!: string;
  @Field({ description: 'UTC instant, e.g. 2026-03-06T01:00:00.000Z' }) startsAt!: string;
  @Field({ description: 'UTC instant after startsAt' }) endsAt!: string;
  @Field(() => Int) capacity!: number;
}

@Resolver()
export class PublishServiceOpportunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType)
  async publishServiceOpportunity(
    @Args('input') input: PublishServiceOpportunityInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<OpportunityType> {
    const kind = requireEnum(input.source?.kind, OPPORTUNITY_SOURCE_KINDS, 'input.source.kind');
    const sourceId = kind === 'standalone' ? null : requireExternalId(input.source.id, 'input.source.id');
    if (kind === 'standalone' && input.source.id != null) {
      throw new ValidationError('input.source.id', 'input.source.id must be null for a standalone opportunity');
    }
    const startsAt = requireUtcInstant(input.startsAt, 'input.startsAt');
    const endsAt = requireUtcInstant(input.endsAt, 'input.endsAt');
    if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ValidationError('input.endsAt', 'input.endsAt must be after input.startsAt');
    const data = {
      opportunityId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      source: { kind, id: sourceId },
      teamId: optionalUuid(input.teamId, 'input.teamId'),
      title: requireText(input.title, 'input.title', { max: 100 }),
      content: requireText(input.content, 'input.content', { max: 2000 }),
      place: requireText(input.place, 'input.place', { max: 200 }),
      organisingUnit: requireText(input.organisingUnit, 'input.organisingUnit', { max: 100 }),
      personInChargeId: requireExternalId(input.personInChargeId, 'input.personInChargeId'),
      personInChargeName: requireText(input.personInChargeName, 'input.personInChargeName', { max: 40 }),
      startsAt,
      endsAt,
      capacity: requireInt(input.capacity, 'input.capacity', 1, 10_000),
    };
    const written = await this.commands.execute(new PublishServiceOpportunityCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'publishServiceOpportunity');
  }
}
