import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireDate, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { RecordPairingActivityCommand } from './record-pairing-activity.handler.js';

const MAX_PARTICIPANTS = 100_000;

@InputType()
export class RecordPairingActivityInput {
  @Field(() => ID) pairingId!: string;
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD (Asia/Shanghai), between the establishment and today.' }) heldOn!: string;
  @Field() place!: string;
  @Field(() => Int, { description: 'Staff of the unit who took part.' }) staffCount!: number;
  @Field(() => Int, { description: 'Residents who took part; staff and residents not both 0.' }) residentCount!: number;
  @Field(() => [ID], { nullable: true, description: 'Volunteers who served (their hours are recorded from this activity).' })
  volunteerIds?: string[] | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Whole minutes each listed volunteer served (1 to 1,440), entered in their hours ledgers; required exactly when volunteers are listed.',
  })
  volunteerMinutes?: number | null;
}

@Resolver()
export class RecordPairingActivityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType)
  async recordPairingActivity(@Args('input') input: RecordPairingActivityInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    const staffCount = requireInt(input.staffCount, 'input.staffCount', 0, MAX_PARTICIPANTS);
    const residentCount = requireInt(input.residentCount, 'input.residentCount', 0, MAX_PARTICIPANTS);
    if (staffCount + residentCount === 0) throw new ValidationError('input.staffCount', 'input.staffCount and input.residentCount must not both be 0');
    const volunteerIds = (input.volunteerIds ?? []).map((id, i) => requireUuid(id, `input.volunteerIds[${i}]`));
    if (new Set(volunteerIds).size !== volunteerIds.length) throw new ValidationError('input.volunteerIds', 'input.volunteerIds must be distinct');
    if (volunteerIds.length === 0 && input.volunteerMinutes != null) {
      throw new ValidationError('input.volunteerMinutes', 'input.volunteerMinutes must be left out when no volunteer is listed');
    }
    const volunteerMinutes = volunteerIds.length > 0 ? requireInt(input.volunteerMinutes, 'input.volunteerMinutes', 1, 24 * 60) : null;
    const data = {
      pairingId: requireUuid(input.pairingId, 'input.pairingId'),
      activityId: uuidv7(),
      title: requireText(input.title, 'input.title', { max: 100 }),
      heldOn: requireDate(input.heldOn, 'input.heldOn'),
      place: requireText(input.place, 'input.place', { max: 200 }),
      staffCount,
      residentCount,
      volunteerIds,
      volunteerMinutes,
    };
    return this.pairings.present(await this.commands.execute(new RecordPairingActivityCommand(data, context)), 'recordPairingActivity');
  }
}
