import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { volunteerDecider } from '../volunteer.decide.js';
import { volunteerStreamId, type VolunteerLink } from '../volunteer.events.js';
import type { VolunteerState } from '../volunteer.state.js';

export interface RegisterVolunteerData {
  volunteerId: string;
  communityId: string;
  linkedTo: VolunteerLink;
  /** Plaintext, encrypted here for subject = volunteerId; null only for a volunteer linked to a party member. */
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  skills: string[];
}

export class RegisterVolunteerCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: RegisterVolunteerData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterVolunteerCommand)
export class RegisterVolunteerHandler implements ICommandHandler<RegisterVolunteerCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: RegisterVolunteerCommand): Promise<Written<VolunteerState>> {
    // Before encrypting: a caller outside the community must not leave a subject key behind.
    await this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    const subject = data.volunteerId;
    // A missing field stays null (the decider accepts that for a party member's volunteer only).
    const encrypt = (value: string | null) => (value === null ? Promise.resolve(null) : this.vault.encrypt(subject, value));
    const [name, phone, idNumber] = await Promise.all([encrypt(data.name), encrypt(data.phone), encrypt(data.idNumber)]);
    return this.executor.execute({
      streamId: volunteerStreamId(data.volunteerId),
      decider: volunteerDecider,
      command: (metadata) => ({ type: 'RegisterVolunteer' as const, data: { ...data, name, phone, idNumber }, metadata }),
      context,
      authorize: async () => undefined,
    });
  }
}
