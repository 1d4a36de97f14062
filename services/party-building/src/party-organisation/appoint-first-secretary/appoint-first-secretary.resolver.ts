import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, optionalUuid, requireExternalId, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PartyOrganisationType } from '../party-organisation.graphql.js';
import { PartyOrganisationReader } from '../party-organisation.reader.js';
import { AppointFirstSecretaryCommand } from './appoint-first-secretary.handler.js';

@InputType()
export class AppointFirstSecretaryInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID, { nullable: true, description: "The person's id when known (re-appointment); a new id otherwise." }) secretaryId?: string | null;
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: 'The unit that sent the secretary (选派单位).' }) sendingUnitId?: string | null;
}

@Resolver()
export class AppointFirstSecretaryResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PartyOrganisationReader) private readonly reader: PartyOrganisationReader,
  ) {}

  @Mutation(() => PartyOrganisationType, { description: 'Appoints the first secretary (第一书记); a new one replaces the one in office.' })
  async appointFirstSecretary(
    @Args('input') input: AppointFirstSecretaryInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyOrganisationType> {
    const data = {
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      secretaryId: optionalUuid(input.secretaryId, 'input.secretaryId') ?? uuidv7(),
      name: requireText(input.name, 'input.name', { max: 40 }),
      sendingUnitId: input.sendingUnitId == null ? null : requireExternalId(input.sendingUnitId, 'input.sendingUnitId'),
    };
    const { checkpoint } = await this.commands.execute(new AppointFirstSecretaryCommand(data, context));
    return this.reader.afterWrite(actor, data.organisationId, checkpoint, 'appointFirstSecretary');
  }
}
