import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandActor, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { assertExistingInJurisdiction } from '../infrastructure/access.js';
import { partyOrganisationDecider, type PartyOrganisationCommand } from './party-organisation.decide.js';
import { partyOrganisationStreamId } from './party-organisation.events.js';
import type { PartyOrganisationState } from './party-organisation.state.js';

/** The shell of every command on an existing party organisation: its community decides who may act. */
@Injectable()
export class PartyOrganisationCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  /** NOT_FOUND or FORBIDDEN before the handler encrypts anything for the command. */
  async assertAccess(organisationId: string, actor: CommandActor): Promise<void> {
    const { state } = await this.aggregates.load(partyOrganisationStreamId(organisationId), partyOrganisationDecider);
    await assertExistingInJurisdiction(this.jurisdiction, actor, state, 'party organisation', organisationId);
  }

  run(organisationId: string, context: CommandContext, command: (metadata: CommandMetadata) => PartyOrganisationCommand): Promise<Written<PartyOrganisationState>> {
    return this.executor.execute({
      streamId: partyOrganisationStreamId(organisationId),
      decider: partyOrganisationDecider,
      command,
      context,
      authorize: async (state) => {
        await assertExistingInJurisdiction(this.jurisdiction, context.actor, state, 'party organisation', organisationId);
      },
    });
  }
}
