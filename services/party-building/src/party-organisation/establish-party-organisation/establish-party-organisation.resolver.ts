import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, ReadYourWrites, optionalUuid, requireEnum, requireExternalId, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PARTY_ORGANISATION_KINDS } from '../party-organisation.events.js';
import { PartyOrganisationType } from '../party-organisation.graphql.js';
import { PartyOrganisationReader } from '../party-organisation.reader.js';
import { EstablishPartyOrganisationCommand } from './establish-party-organisation.handler.js';

@InputType()
export class EstablishPartyOrganisationInput {
  @Field(() => ID) communityId!: string;
  @Field({ description: 'general_branch | branch' }) kind!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: 'The organisation above it, in the same community.' }) parentOrganisationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The unit it is set up in (organisations context id), if not the community itself.' })
  hostUnitId?: string | null;
}

@Resolver()
export class EstablishPartyOrganisationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(PartyOrganisationReader) private readonly reader: PartyOrganisationReader,
  ) {}

  @Mutation(() => PartyOrganisationType)
  async establishPartyOrganisation(
    @Args('input') input: EstablishPartyOrganisationInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyOrganisationType> {
    const data = {
      organisationId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      kind: requireEnum(input.kind, PARTY_ORGANISATION_KINDS, 'input.kind'),
      name: requireText(input.name, 'input.name', { max: 60 }),
      parentOrganisationId: optionalUuid(input.parentOrganisationId, 'input.parentOrganisationId'),
      hostUnitId: input.hostUnitId == null ? null : requireExternalId(input.hostUnitId, 'input.hostUnitId'),
    };
    const { checkpoint } = await this.commands.execute(new EstablishPartyOrganisationCommand(data, context));
    await this.readYourWrites.waitFor(['organisation-roster'], checkpoint, 'establishPartyOrganisation');
    // Past the read-your-writes timeout the roster may not have the row yet: the command's own facts answer.
    return (
      (await this.reader.read(actor, data.organisationId)) ?? {
        id: data.organisationId,
        communityId: data.communityId,
        community: { id: data.communityId },
        kind: data.kind,
        name: data.name,
        parentOrganisationId: data.parentOrganisationId,
        hostUnitId: data.hostUnitId,
        establishedAt: context.occurredAt,
        firstSecretary: null,
        cadres: [],
        serviceCentres: [],
      }
    );
  }
}
