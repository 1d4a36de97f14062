import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import { CompoundType } from '../compound.graphql.js';
import { MarkRedPropertyCommand } from './mark-red-property.handler.js';

@InputType()
export class MarkRedPropertyInput {
  @Field(() => ID) compoundId!: string;
  @Field(() => ID, { description: "The property company's own party organisation (party-building context)." }) partyOrganisationId!: string;
}

@Resolver()
export class MarkRedPropertyResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CompoundCommands) private readonly compounds: CompoundCommands,
  ) {}

  @Mutation(() => CompoundType)
  async markRedProperty(@Args('input') input: MarkRedPropertyInput, @MutationContext() context: CommandContext): Promise<CompoundType> {
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      partyOrganisationId: requireExternalId(input.partyOrganisationId, 'input.partyOrganisationId'),
    };
    return this.compounds.present(await this.commands.execute(new MarkRedPropertyCommand(data, context)), 'markRedProperty');
  }
}
