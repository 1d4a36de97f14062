import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import type { PublishServiceOpportunity } from '../opportunity.decide.js';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export type PublishServiceOpportunityData = Omit<PublishServiceOpportunity['data'], 'personInChargeName'> & { personInChargeName: string };

export class PublishServiceOpportunityCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: PublishServiceOpportunityData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishServiceOpportunityCommand)
export class PublishServiceOpportunityHandler implements ICommandHandler<PublishServiceOpportunityCommand> {
  constructor(
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: PublishServiceOpportunityCommand): Promise<Written<OpportunityState>> {
    const place = { communityId: data.communityId };
    // Before encrypting: a caller outside the community must not leave a subject key behind.
    await this.jurisdiction.assert(context.actor, place);
    const personInChargeName = await this.vault.encrypt(data.personInChargeId, data.personInChargeName);
    return this.opportunities.run(
      data.opportunityId,
      context,
      (metadata) => ({ type: 'PublishServiceOpportunity', data: { ...data, personInChargeName }, metadata }),
      place,
    );
  }
}
