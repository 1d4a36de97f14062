import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { FacilityCommands } from '../facility-commands.js';
import { SharedFacilityType } from '../facility.graphql.js';
import { CancelFacilityBookingCommand } from './cancel-facility-booking.handler.js';

@InputType()
export class CancelFacilityBookingInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => ID) bookingId!: string;
  @Field() reason!: string;
}

@Resolver()
export class CancelFacilityBookingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FacilityCommands) private readonly facilities: FacilityCommands,
  ) {}

  @Mutation(() => SharedFacilityType, { description: 'Cancels a booking that has not ended; a second cancellation answers CONFLICT.' })
  async cancelFacilityBooking(@Args('input') input: CancelFacilityBookingInput, @MutationContext() context: CommandContext): Promise<SharedFacilityType> {
    const data = {
      facilityId: requireUuid(input.facilityId, 'input.facilityId'),
      bookingId: requireUuid(input.bookingId, 'input.bookingId'),
      reason: requireText(input.reason, 'input.reason', { max: 200 }),
    };
    return this.facilities.present(await this.commands.execute(new CancelFacilityBookingCommand(data, context)), 'cancelFacilityBooking');
  }
}
