import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PartyMemberType } from '../party-member.graphql.js';
import { PartyMemberReader } from '../party-member.reader.js';
import { EndPartyMemberCommunityRegistrationCommand } from './end-party-member-community-registration.handler.js';

@InputType()
export class EndPartyMemberCommunityRegistrationInput {
  @Field(() => ID) memberId!: string;
  @Field({ description: 'Why the registration ends (moved away, membership transferred …).' }) reason!: string;
}

@Resolver()
export class EndPartyMemberCommunityRegistrationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PartyMemberReader) private readonly members: PartyMemberReader,
  ) {}

  @Mutation(() => PartyMemberType)
  async endPartyMemberCommunityRegistration(
    @Args('input') input: EndPartyMemberCommunityRegistrationInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PartyMemberType> {
    const data = {
      memberId: requireUuid(input.memberId, 'input.memberId'),
      reason: requireText(input.reason, 'input.reason', { max: 200 }),
    };
    const { checkpoint } = await this.commands.execute(new EndPartyMemberCommunityRegistrationCommand(data, context));
    const member = await this.members.afterWrite(actor, data.memberId, checkpoint, 'endPartyMemberCommunityRegistration');
    // Only a register that has not even projected the registration within the timeout gets here.
    if (!member) throw new Error(`member-register has no party member ${data.memberId} yet`);
    return member;
  }
}
