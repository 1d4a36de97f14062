import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { VulnerableGroupCode } from '../resident.events.js';
import { ResidentCommands } from '../resident-commands.js';
import type { ResidentState } from '../resident.state.js';

export class TagVulnerableGroupCommand extends Command<Written<ResidentState>> {
  constructor(
    readonly data: { residentId: string; tagCode: VulnerableGroupCode },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(TagVulnerableGroupCommand)
export class TagVulnerableGroupHandler implements ICommandHandler<TagVulnerableGroupCommand> {
  constructor(
    @Inject(ResidentCommands) private readonly residents: ResidentCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: TagVulnerableGroupCommand): Promise<Written<ResidentState>> {
    const tag = await this.vault.encrypt(data.residentId, data.tagCode);
    return this.residents.run(data.residentId, context, (metadata) => ({ type: 'TagVulnerableGroup', data: { ...data, tag }, metadata }));
  }
}
