import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { requireUtcInstant, ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireEnum, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { FacilityCommands } from '../facility-commands.js';
import { BOOKER_KINDS } from '../facility.events.js';
import { SharedFacilityType } from '../facility.graphql.js';
import { BookSharedFacilityCommand } from './book-shared-facility.handler.js';

@InputType()
export class FacilityBookerInput {
  @Field({ description: 'resident | residents_committee | organisation | volunteer_team | party_organisation | owners_committee' }) kind!: string;
  @Field(() => ID) id!: string;
}

@InputType()
export class BookSharedFacilityInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => FacilityBookerInput) bookedBy!: FacilityBookerInput;
  @Field() purpose!: string;
  @Field(() => Int) attendees!: number;
  @Field({ description: 'UTC ISO-8601, not in the past; [startsAt, endsAt) inside one opening window.' }) startsAt!: string;
  @Field({ description: 'UTC ISO-8601, after startsAt.' }) endsAt!: string;
}

@Resolver()
export class BookSharedFacilityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FacilityCommands) private readonly facilities: FacilityCommands,
  ) {}

  @Mutation(() => SharedFacilityType, { description: 'Books a facility; a clash with another booking answers CONFLICT.' })
  async bookSharedFacility(@Args('input') input: BookSharedFacilityInput, @MutationContext() context: CommandContext): Promise<SharedFacilityType> {
    const startsAt = requireUtcInstant(input.startsAt, 'input.startsAt');
    const endsAt = requireUtcInstant(input.endsAt, 'input.endsAt');
    if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ValidationError('input.endsAt', 'input.endsAt must be after input.startsAt');
    const data = {
      facilityId: requireUuid(input.facilityId, 'input.facilityId'),
      bookingId: uuidv7(),
      bookedBy: {
        kind: requireEnum(input.bookedBy.kind, BOOKER_KINDS, 'input.bookedBy.kind'),
        id: requireUuid(input.bookedBy.id, 'input.bookedBy.id'),
      },
      purpose: requireText(input.purpose, 'input.purpose', { max: 200 }),
      attendees: requireInt(input.attendees, 'input.attendees', 1, 100_000),
      startsAt,
      endsAt,
    };
    return this.facilities.present(await this.commands.execute(new BookSharedFacilityCommand(data, context)), 'bookSharedFacility');
  }
}
