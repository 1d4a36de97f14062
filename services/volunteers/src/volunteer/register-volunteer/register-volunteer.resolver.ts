import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import {
  MutationContext,
  ReadYourWrites,
  requireEnum,
  requireExternalId,
  requireIdNumber,
  requirePhone,
  requireText,
  requireUuid,
  type CommandContext,
} from '@cogov/service-kit';
import { VOLUNTEER_LINK_KINDS } from '../volunteer.events.js';
import { VolunteerType } from '../volunteer.graphql.js';
import { VolunteerReader } from '../volunteer-reader.js';
import { RegisterVolunteerCommand } from './register-volunteer.handler.js';

@InputType()
export class VolunteerLinkInput {
  @Field({ description: 'resident | party_member | organisation_staff' }) kind!: string;
  @Field(() => ID, { description: 'The resident id, the party member id, or (for staff) the organisation id.' }) id!: string;
}

@InputType()
export class RegisterVolunteerInput {
  @Field(() => ID) communityId!: string;
  @Field(() => VolunteerLinkInput) linkedTo!: VolunteerLinkInput;
  @Field(() => String, { nullable: true, description: 'Required, except for a volunteer linked to a party member.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Required, except for a volunteer linked to a party member.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Required, except for a volunteer linked to a party member.' }) idNumber?: string | null;
  @Field(() => [String], { description: 'Skills as the volunteer states them (法律咨询, 急救 …), distinct.' }) skills!: string[];
}

const MAX_SKILLS = 20;

@Resolver()
export class RegisterVolunteerResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(VolunteerReader) private readonly reader: VolunteerReader,
  ) {}

  @Mutation(() => VolunteerType)
  async registerVolunteer(
    @Args('input') input: RegisterVolunteerInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<VolunteerType> {
    const skills = Array.isArray(input.skills) ? input.skills.map((s, i) => requireText(s, `input.skills.${i}`, { max: 40 })) : [];
    if (skills.length === 0 || skills.length > MAX_SKILLS || new Set(skills).size !== skills.length) {
      throw new ValidationError('input.skills', `input.skills must list 1 to ${MAX_SKILLS} distinct skills`);
    }
    const kind = requireEnum(input.linkedTo?.kind, VOLUNTEER_LINK_KINDS, 'input.linkedTo.kind');
    // A party member's volunteer may leave them out: the member's own are kept by party-building.
    const optional = (value: string | null | undefined, check: (v: string | null | undefined) => string): string | null =>
      value == null && kind === 'party_member' ? null : check(value);
    const data = {
      volunteerId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      linkedTo: { kind, id: requireExternalId(input.linkedTo?.id, 'input.linkedTo.id') },
      name: optional(input.name, (v) => requireText(v, 'input.name', { max: 40 })),
      phone: optional(input.phone, (v) => requirePhone(v, 'input.phone')),
      idNumber: optional(input.idNumber, (v) => requireIdNumber(v, 'input.idNumber')),
      skills,
    };
    const { checkpoint } = await this.commands.execute(new RegisterVolunteerCommand(data, context));
    await this.readYourWrites.waitFor(['volunteer-roster'], checkpoint, 'registerVolunteer');
    return this.reader.volunteer(actor, data.volunteerId);
  }
}
