import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import { CompoundType } from '../compound.graphql.js';
import { EndPropertyServiceContractCommand } from './end-property-service-contract.handler.js';

@InputType()
export class EndPropertyServiceContractInput {
  @Field(() => ID) compoundId!: string;
  @Field(() => ID, { description: 'The contract in force (Compound.contract.contractId).' }) contractId!: string;
  @Field({ description: 'Why it ends: expiry, dismissal by the owners’ assembly, the company withdrawing …' }) reason!: string;
}

@Resolver()
export class EndPropertyServiceContractResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CompoundCommands) private readonly compounds: CompoundCommands,
  ) {}

  @Mutation(() => CompoundType, { description: 'Ends the property service contract in force; its red-property mark ends with it.' })
  async endPropertyServiceContract(
    @Args('input') input: EndPropertyServiceContractInput,
    @MutationContext() context: CommandContext,
  ): Promise<CompoundType> {
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      contractId: requireUuid(input.contractId, 'input.contractId'),
      reason: requireText(input.reason, 'input.reason', { max: 200 }),
    };
    return this.compounds.present(await this.commands.execute(new EndPropertyServiceContractCommand(data, context)), 'endPropertyServiceContract');
  }
}
