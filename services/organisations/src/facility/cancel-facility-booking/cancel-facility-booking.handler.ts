import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { CancelFacilityBooking } from '../facility.decide.js';
import { FacilityCommands } from '../facility-commands.js';
import type { FacilityState } from '../facility.state.js';

export class CancelFacilityBookingCommand extends Command<Written<FacilityState>> {
  constructor(
    readonly data: CancelFacilityBooking['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the facility's own community, checked once its stream is loaded (FacilityCommands). */
@CommandHandler(CancelFacilityBookingCommand)
export class CancelFacilityBookingHandler implements ICommandHandler<CancelFacilityBookingCommand> {
  constructor(@Inject(FacilityCommands) private readonly facilities: FacilityCommands) {}

  execute({ data, context }: CancelFacilityBookingCommand): Promise<Written<FacilityState>> {
    return this.facilities.run(data.facilityId, context, (metadata) => ({ type: 'CancelFacilityBooking', data, metadata }));
  }
}
