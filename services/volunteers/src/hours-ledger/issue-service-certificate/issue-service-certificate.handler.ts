import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { hoursLedgerDecider } from '../hours-ledger.decide.js';
import { hoursLedgerStreamId } from '../hours-ledger.events.js';
import type { HoursLedgerState } from '../hours-ledger.state.js';

export class IssueServiceCertificateCommand extends Command<Written<HoursLedgerState>> {
  constructor(
    readonly data: { volunteerId: string; communityId: string; certificateId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(IssueServiceCertificateCommand)
export class IssueServiceCertificateHandler implements ICommandHandler<IssueServiceCertificateCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: IssueServiceCertificateCommand): Promise<Written<HoursLedgerState>> {
    // The verification code must be unguessable: its 128 bits come from the CSPRNG here, never from input,
    // and are drawn once per command so a conflict retry re-decides with the same code.
    const entropy = randomBytes(16).toString('hex');
    return this.executor.execute({
      streamId: hoursLedgerStreamId(data.volunteerId),
      decider: hoursLedgerDecider,
      command: (metadata) => ({ type: 'IssueServiceCertificate' as const, data: { ...data, entropy }, metadata }),
      context,
      authorize: () => this.jurisdiction.assert(context.actor, { communityId: data.communityId }),
    });
  }
}
