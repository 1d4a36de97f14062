import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore, PersonalDataVault } from '@cogov/eventsourcing';
import { type CommandContext, Jurisdiction, type Written } from '@cogov/service-kit';
import { requireCommunityGrid } from '../../community/community-grid.js';
import type { AppealChannel } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class FileAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; communityId: string; gridId: string | null; channel: AppealChannel; category: string; description: string; location: string; householdId: string | null; residentId: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FileAppealCommand)
export class FileAppealHandler implements ICommandHandler<FileAppealCommand> {
  constructor(
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: FileAppealCommand): Promise<Written<AppealState>> {
    const place = { communityId: data.communityId, gridId: data.gridId };
    // Before anything is encrypted (a bad place must not leave a subject key behind), after the jurisdiction
    // (nobody learns which communities exist outside theirs).
    await this.jurisdiction.assert(context.actor, place);
    await requireCommunityGrid(this.aggregates, data.communityId, data.gridId);
    // The description may tell about a resident: encrypted for the resident when one is named, else for
    // the appeal itself (so an anonymous appeal can still be erased on its own).
    const description = await this.vault.encrypt(data.residentId ?? data.appealId, data.description);
    return this.appeals.run(
      data.appealId,
      context,
      (metadata) => ({ type: 'FileAppeal', data: { ...data, description }, metadata }),
      place,
    );
  }
}
