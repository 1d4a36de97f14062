import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import { OwnersCommitteeType } from '../owners-committee.graphql.js';
import { FileOwnersCommitteeCommand } from './file-owners-committee.handler.js';

@InputType()
export class FileOwnersCommitteeInput {
  @Field(() => ID) committeeId!: string;
  @Field(() => ID, { description: 'The street office (or township government) that accepted the filing.' }) filedWith!: string;
  @Field({ description: 'The filing (备案) number, e.g. 朝业备〔2026〕17号.' }) filingNumber!: string;
}

@Resolver()
export class FileOwnersCommitteeResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
  ) {}

  @Mutation(() => OwnersCommitteeType, { description: "Records the filing (备案) of an elected owners' committee." })
  async fileOwnersCommittee(@Args('input') input: FileOwnersCommitteeInput, @MutationContext() context: CommandContext): Promise<OwnersCommitteeType> {
    const data = {
      committeeId: requireUuid(input.committeeId, 'input.committeeId'),
      filedWith: requireExternalId(input.filedWith, 'input.filedWith'),
      filingNumber: requireText(input.filingNumber, 'input.filingNumber', { max: 60 }),
    };
    return this.committees.present(await this.commands.execute(new FileOwnersCommitteeCommand(data, context)), 'fileOwnersCommittee');
  }
}
