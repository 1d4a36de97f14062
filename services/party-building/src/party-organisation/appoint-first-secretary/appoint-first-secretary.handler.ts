import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { PartyOrganisationCommands } from '../party-organisation-commands.js';
import type { PartyOrganisationState } from '../party-organisation.state.js';

export interface AppointFirstSecretaryData {
  organisationId: string;
  secretaryId: string;
  /** Plaintext: encrypted here, subject = secretaryId, before anything is decided or stored. */
  name: string;
  sendingUnitId: string | null;
}

export class AppointFirstSecretaryCommand extends Command<Written<PartyOrganisationState>> {
  constructor(
    readonly data: AppointFirstSecretaryData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AppointFirstSecretaryCommand)
export class AppointFirstSecretaryHandler implements ICommandHandler<AppointFirstSecretaryCommand> {
  constructor(
    @Inject(PartyOrganisationCommands) private readonly organisations: PartyOrganisationCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: AppointFirstSecretaryCommand): Promise<Written<PartyOrganisationState>> {
    await this.organisations.assertAccess(data.organisationId, context.actor);
    const name = await this.vault.encrypt(data.secretaryId, data.name);
    return this.organisations.run(data.organisationId, context, (metadata) => ({
      type: 'AppointFirstSecretary',
      data: { organisationId: data.organisationId, secretaryId: data.secretaryId, name, sendingUnitId: data.sendingUnitId },
      metadata,
    }));
  }
}
