import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, ReadYourWrites, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { INCUBATION_STAGES, ORGANISATION_TYPES, type IncubationStage } from '../organisation.events.js';
import { OrganisationType, organisationFromState } from '../organisation.graphql.js';
import { requireCreditCode } from '@cogov/domain';
import { RegisterOrganisationCommand } from './register-organisation.handler.js';

@InputType()
export class RegisterOrganisationInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ description: 'government_body | public_institution | state_enterprise | private_enterprise | school | hospital | social_organisation | other' })
  type!: string;
  @Field(() => String, { nullable: true, description: 'Required unless a social organisation still incubating or incubated.' })
  creditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'incubating | incubated | registered: required for a social organisation, else null.' })
  incubationStage?: string | null;
  @Field() address!: string;
}

@Resolver()
export class RegisterOrganisationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => OrganisationType, { description: 'Registers an organisation; a credit code already held by another organisation answers CONFLICT.' })
  async registerOrganisation(@Args('input') input: RegisterOrganisationInput, @MutationContext() context: CommandContext): Promise<OrganisationType> {
    const communityId = requireUuid(input.communityId, 'input.communityId');
    const name = requireText(input.name, 'input.name', { max: 100 });
    const type = requireEnum(input.type, ORGANISATION_TYPES, 'input.type');
    let incubationStage: IncubationStage | null = null;
    if (type === 'social_organisation') incubationStage = requireEnum(input.incubationStage, INCUBATION_STAGES, 'input.incubationStage');
    else if (input.incubationStage != null) throw new ValidationError('input.incubationStage', 'input.incubationStage must be null unless the type is social_organisation');
    // The domain's rule, checked here with the client's field names and before the code is reserved.
    const needsCode = incubationStage === null || incubationStage === 'registered';
    if (!needsCode && input.creditCode != null) {
      throw new ValidationError('input.creditCode', `input.creditCode must be null while a social organisation is ${incubationStage}`);
    }
    const data = {
      organisationId: uuidv7(),
      communityId,
      name,
      type,
      creditCode: needsCode ? requireCreditCode(input.creditCode, 'input.creditCode') : null,
      incubationStage,
      address: requireText(input.address, 'input.address', { max: 200 }),
    };
    const { state, checkpoint } = await this.commands.execute(new RegisterOrganisationCommand(data, context));
    if (state.status !== 'registered') throw new Error('organisation missing after registration');
    await this.readYourWrites.waitFor(['organisation-directory'], checkpoint, 'registerOrganisation');
    return organisationFromState(state);
  }
}
