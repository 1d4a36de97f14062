import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, optionalUuid, requirePhone, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PartyMemberType } from '../party-member.graphql.js';
import { PartyMemberReader } from '../party-member.reader.js';
import { RegisterPartyMemberAtCommunityCommand } from './register-party-member-at-community.handler.js';

@InputType()
export class RegisterPartyMemberAtCommunityInput {
  @Field(() => ID, { nullable: true, description: "The member's id when they registered before (moving house); a new id otherwise." })
  memberId?: string | null;
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field() phone!: string;
  @Field({ description: 'The party organisation holding the membership, as the member states it.' }) membershipOrganisation!: string;
  @Field(() => ID, { nullable: true, description: 'The household they live in (residents context).' }) householdId?: string | null;
}

@Resolver()
export class RegisterPartyMemberAtCommunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PartyMemberReader) private readonly members: PartyMemberReader,
  ) {}

  @Mutation(() => PartyMemberType, { description: 'Registers a party member at the community they live in (党员到社区报到).' })
  async registerPartyMemberAtCommunity(
    @Args('input') input: RegisterPartyMemberAtCommunityInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyMemberType> {
    const data = {
      memberId: optionalUuid(input.memberId, 'input.memberId') ?? uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      name: requireText(input.name, 'input.name', { max: 40 }),
      phone: requirePhone(input.phone, 'input.phone'),
      membershipOrganisation: requireText(input.membershipOrganisation, 'input.membershipOrganisation', { max: 80 }),
      householdId: optionalUuid(input.householdId, 'input.householdId'),
    };
    const { checkpoint, encrypted } = await this.commands.execute(new RegisterPartyMemberAtCommunityCommand(data, context));
    const fromRegister = await this.members.afterWrite(actor, data.memberId, checkpoint, 'registerPartyMemberAtCommunity');
    if (fromRegister) return fromRegister;
    // The register is behind past the timeout: the command's own facts answer.
    const [member] = await this.members.present(actor, [
      {
        id: data.memberId,
        communityId: data.communityId,
        membershipOrganisation: data.membershipOrganisation,
        householdId: data.householdId,
        status: 'registered',
        registeredAt: context.occurredAt,
        endedAt: null,
        endReason: null,
        encrypted,
      },
    ]);
    return member!;
  }
}
