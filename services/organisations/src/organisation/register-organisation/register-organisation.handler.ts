import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { creditCodeReservationDecider, creditCodeStreamId } from '../credit-code-reservation.js';
import type { RegisterOrganisation } from '../organisation.decide.js';
import { organisationDecider } from '../organisation.decide.js';
import { organisationStreamId } from '../organisation.events.js';
import type { OrganisationState } from '../organisation.state.js';

export class RegisterOrganisationCommand extends Command<Written<OrganisationState>> {
  constructor(
    readonly data: RegisterOrganisation['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute({ data, context }: RegisterOrganisationCommand): Promise<Written<OrganisationState>> {
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    // The code first: a second organisation with the same code stops here (CONFLICT) and leaves no trace.
    // Should the registration below fail after this, the code stays held by an organisation that does not
    // exist; the resolver validated every input beforehand, so only an outage gets there (README: open problems).
    if (data.creditCode !== null) {
      const { creditCode, organisationId, communityId } = data;
      await this.executor.execute({
        streamId: creditCodeStreamId(creditCode),
        decider: creditCodeReservationDecider,
        command: (metadata) => ({ type: 'ReserveCreditCode' as const, data: { creditCode, organisationId, communityId }, metadata }),
        context,
        authorize,
      });
    }
    return this.executor.execute({
      streamId: organisationStreamId(data.organisationId),
      decider: organisationDecider,
      command: (metadata) => ({ type: 'RegisterOrganisation' as const, data, metadata }),
      context,
      authorize,
    });
  }
}
