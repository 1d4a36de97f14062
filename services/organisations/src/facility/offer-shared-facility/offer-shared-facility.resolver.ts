import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireEnum, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { FacilityCommands } from '../facility-commands.js';
import { FACILITY_KINDS } from '../facility.events.js';
import { OpeningWindowInput, SharedFacilityType } from '../facility.graphql.js';
import { requireOpeningHours } from '../opening-hours.js';
import { OfferSharedFacilityCommand } from './offer-shared-facility.handler.js';

@InputType()
export class OfferSharedFacilityInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID, { description: 'The community whose residents may book it.' }) communityId!: string;
  @Field({ description: 'canteen | sports_ground | meeting_room | activity_room | library | parking | other' }) kind!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => Int, { description: 'Most people at once.' }) capacity!: number;
  @Field(() => [OpeningWindowInput]) openingHours!: OpeningWindowInput[];
}

@Resolver()
export class OfferSharedFacilityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FacilityCommands) private readonly facilities: FacilityCommands,
  ) {}

  @Mutation(() => SharedFacilityType)
  async offerSharedFacility(@Args('input') input: OfferSharedFacilityInput, @MutationContext() context: CommandContext): Promise<SharedFacilityType> {
    const data = {
      facilityId: uuidv7(),
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      kind: requireEnum(input.kind, FACILITY_KINDS, 'input.kind'),
      name: requireText(input.name, 'input.name', { max: 100 }),
      address: requireText(input.address, 'input.address', { max: 200 }),
      capacity: requireInt(input.capacity, 'input.capacity', 1, 100_000),
      // The domain's own rule (pure), given the client's field names.
      openingHours: requireOpeningHours(input.openingHours, 'input.openingHours'),
    };
    return this.facilities.present(await this.commands.execute(new OfferSharedFacilityCommand(data, context)), 'offerSharedFacility');
  }
}
