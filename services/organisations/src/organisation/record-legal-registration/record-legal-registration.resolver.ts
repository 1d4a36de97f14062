import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { requireCreditCode } from '@cogov/domain';
import { MutationContext, ReadYourWrites, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OrganisationType, organisationFromState } from '../organisation.graphql.js';
import { RecordLegalRegistrationCommand } from './record-legal-registration.handler.js';

@InputType()
export class RecordLegalRegistrationInput {
  @Field(() => ID) organisationId!: string;
  @Field({ description: 'The unified social credit code the civil-affairs bureau issued; unique across organisations.' }) creditCode!: string;
}

@Resolver()
export class RecordLegalRegistrationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => OrganisationType, {
    description:
      'An incubated social organisation registered with civil affairs (民政登记) and got its credit code; any other stage, or a code another organisation holds, answers CONFLICT.',
  })
  async recordLegalRegistration(@Args('input') input: RecordLegalRegistrationInput, @MutationContext() context: CommandContext): Promise<OrganisationType> {
    const data = {
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      creditCode: requireCreditCode(input.creditCode, 'input.creditCode'),
    };
    const { state, checkpoint } = await this.commands.execute(new RecordLegalRegistrationCommand(data, context));
    if (state.status !== 'registered') throw new Error('organisation missing after its legal registration');
    await this.readYourWrites.waitFor(['organisation-directory'], checkpoint, 'recordLegalRegistration');
    return organisationFromState(state);
  }
}
