import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { BookSharedFacility } from '../facility.decide.js';
import { FacilityCommands } from '../facility-commands.js';
import type { FacilityState } from '../facility.state.js';

export class BookSharedFacilityCommand extends Command<Written<FacilityState>> {
  constructor(
    readonly data: BookSharedFacility['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the facility's own community, checked once its stream is loaded (FacilityCommands). */
@CommandHandler(BookSharedFacilityCommand)
export class BookSharedFacilityHandler implements ICommandHandler<BookSharedFacilityCommand> {
  constructor(@Inject(FacilityCommands) private readonly facilities: FacilityCommands) {}

  execute({ data, context }: BookSharedFacilityCommand): Promise<Written<FacilityState>> {
    return this.facilities.run(data.facilityId, context, (metadata) => ({ type: 'BookSharedFacility', data, metadata }));
  }
}
