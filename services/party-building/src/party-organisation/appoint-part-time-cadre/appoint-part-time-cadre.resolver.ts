import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, optionalUuid, requireExternalId, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PartyOrganisationType } from '../party-organisation.graphql.js';
import { PartyOrganisationReader } from '../party-organisation.reader.js';
import { AppointPartTimeCadreCommand } from './appoint-part-time-cadre.handler.js';

@InputType()
export class AppointPartTimeCadreInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID, { nullable: true, description: "The person's id when known; a new id otherwise." }) cadreId?: string | null;
  @Field() name!: string;
  @Field(() => ID, { description: 'The paired unit (结对共建单位) the cadre comes from.' }) pairedUnitId!: string;
}

@Resolver()
export class AppointPartTimeCadreResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PartyOrganisationReader) private readonly reader: PartyOrganisationReader,
  ) {}

  @Mutation(() => PartyOrganisationType, { description: 'Appoints a part-time cadre (兼职委员) from a paired unit.' })
  async appointPartTimeCadre(
    @Args('input') input: AppointPartTimeCadreInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyOrganisationType> {
    const data = {
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      cadreId: optionalUuid(input.cadreId, 'input.cadreId') ?? uuidv7(),
      name: requireText(input.name, 'input.name', { max: 40 }),
      pairedUnitId: requireExternalId(input.pairedUnitId, 'input.pairedUnitId'),
    };
    const { checkpoint } = await this.commands.execute(new AppointPartTimeCadreCommand(data, context));
    return this.reader.afterWrite(actor, data.organisationId, checkpoint, 'appointPartTimeCadre');
  }
}
