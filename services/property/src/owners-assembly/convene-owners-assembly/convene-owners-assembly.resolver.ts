import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { ASSEMBLY_MATTERS } from '../assembly-vote.js';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { ConveneOwnersAssemblyCommand } from './convene-owners-assembly.handler.js';

/** A committee election is convened by the committee's preparatory group: `conveneCommitteeElection`. */
const MOTION_MATTERS = ASSEMBLY_MATTERS.filter((m) => m !== 'committee_election');

@InputType()
export class ConveneOwnersAssemblyInput {
  @Field(() => ID) compoundId!: string;
  @Field({ description: `One of ${MOTION_MATTERS.join(', ')}.` }) matter!: string;
  @Field({ description: 'The motion put to the owners.' }) motion!: string;
}

@Resolver()
export class ConveneOwnersAssemblyResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: "Convenes an owners' assembly on one motion; the rule in force is fixed now." })
  async conveneOwnersAssembly(@Args('input') input: ConveneOwnersAssemblyInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: uuidv7(),
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      matter: requireEnum(input.matter, MOTION_MATTERS, 'input.matter'),
      motion: requireText(input.motion, 'input.motion', { max: 200 }),
    };
    return this.assemblies.present(await this.commands.execute(new ConveneOwnersAssemblyCommand(data, context)), 'conveneOwnersAssembly');
  }
}
