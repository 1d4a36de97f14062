import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault, type EncryptedField } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { partyMemberDecider } from '../party-member.decide.js';
import { partyMemberStreamId } from '../party-member.events.js';
import type { PartyMemberState } from '../party-member.state.js';

export interface RegisterPartyMemberAtCommunityData {
  memberId: string;
  communityId: string;
  /** Plaintext name and phone: encrypted here, subject = memberId. */
  name: string;
  phone: string;
  membershipOrganisation: string;
  householdId: string | null;
}

export type RegisterPartyMemberAtCommunityResult = Written<PartyMemberState> & { encrypted: { name: EncryptedField; phone: EncryptedField } };

export class RegisterPartyMemberAtCommunityCommand extends Command<RegisterPartyMemberAtCommunityResult> {
  constructor(
    readonly data: RegisterPartyMemberAtCommunityData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterPartyMemberAtCommunityCommand)
export class RegisterPartyMemberAtCommunityHandler implements ICommandHandler<RegisterPartyMemberAtCommunityCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: RegisterPartyMemberAtCommunityCommand): Promise<RegisterPartyMemberAtCommunityResult> {
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    // Refused callers never reach the vault: no subject key is created for a command that cannot happen.
    await authorize();
    const [name, phone] = await Promise.all([this.vault.encrypt(data.memberId, data.name), this.vault.encrypt(data.memberId, data.phone)]);
    const encrypted = { name, phone };
    const written = await this.executor.execute({
      streamId: partyMemberStreamId(data.memberId),
      decider: partyMemberDecider,
      command: (metadata) => ({ type: 'RegisterPartyMemberAtCommunity' as const, data: { ...data, ...encrypted }, metadata }),
      context,
      authorize,
    });
    return { ...written, encrypted };
  }
}
