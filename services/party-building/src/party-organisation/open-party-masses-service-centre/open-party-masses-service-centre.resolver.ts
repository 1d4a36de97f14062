import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { SERVICE_CENTRE_KINDS } from '../party-organisation.events.js';
import { PartyOrganisationType } from '../party-organisation.graphql.js';
import { PartyOrganisationReader } from '../party-organisation.reader.js';
import { OpenPartyMassesServiceCentreCommand } from './open-party-masses-service-centre.handler.js';

@InputType()
export class OpenPartyMassesServiceCentreInput {
  @Field(() => ID) organisationId!: string;
  @Field({ description: 'centre (one per organisation) | station' }) kind!: string;
  @Field() name!: string;
  @Field() address!: string;
}

@Resolver()
export class OpenPartyMassesServiceCentreResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PartyOrganisationReader) private readonly reader: PartyOrganisationReader,
  ) {}

  @Mutation(() => PartyOrganisationType, { description: 'Opens a party-masses service centre or station (党群服务中心/站).' })
  async openPartyMassesServiceCentre(
    @Args('input') input: OpenPartyMassesServiceCentreInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyOrganisationType> {
    const data = {
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      centreId: uuidv7(),
      kind: requireEnum(input.kind, SERVICE_CENTRE_KINDS, 'input.kind'),
      name: requireText(input.name, 'input.name', { max: 60 }),
      address: requireText(input.address, 'input.address', { max: 120 }),
    };
    const { checkpoint } = await this.commands.execute(new OpenPartyMassesServiceCentreCommand(data, context));
    return this.reader.afterWrite(actor, data.organisationId, checkpoint, 'openPartyMassesServiceCentre');
  }
}
