import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, ReadYourWrites, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OrganisationType, organisationFromState } from '../organisation.graphql.js';
import { CompleteIncubationCommand } from './complete-incubation.handler.js';

@InputType()
export class CompleteIncubationInput {
  @Field(() => ID) organisationId!: string;
}

@Resolver()
export class CompleteIncubationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => OrganisationType, {
    description: 'An incubating social organisation completes incubation (出壳) and runs on its own; any other stage answers CONFLICT.',
  })
  async completeIncubation(@Args('input') input: CompleteIncubationInput, @MutationContext() context: CommandContext): Promise<OrganisationType> {
    const data = { organisationId: requireUuid(input.organisationId, 'input.organisationId') };
    const { state, checkpoint } = await this.commands.execute(new CompleteIncubationCommand(data, context));
    if (state.status !== 'registered') throw new Error('organisation missing after completing its incubation');
    await this.readYourWrites.waitFor(['organisation-directory'], checkpoint, 'completeIncubation');
    return organisationFromState(state);
  }
}
