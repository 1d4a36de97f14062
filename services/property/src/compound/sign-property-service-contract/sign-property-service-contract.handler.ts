import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import type { CompoundState } from '../compound.state.js';

export interface SignPropertyServiceContractData {
  compoundId: string;
  contractId: string;
  companyId: string;
  companyName: string;
  unifiedSocialCreditCode: string;
  startsOn: string;
  endsOn: string;
}

export class SignPropertyServiceContractCommand extends Command<Written<CompoundState>> {
  constructor(
    readonly data: SignPropertyServiceContractData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SignPropertyServiceContractCommand)
export class SignPropertyServiceContractHandler implements ICommandHandler<SignPropertyServiceContractCommand> {
  constructor(@Inject(CompoundCommands) private readonly compounds: CompoundCommands) {}

  execute({ data, context }: SignPropertyServiceContractCommand): Promise<Written<CompoundState>> {
    return this.compounds.run(data.compoundId, context, (metadata) => ({ type: 'SignPropertyServiceContract', data, metadata }));
  }
}
