import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import {
  MutationContext,
  ReadYourWrites,
  requireDate,
  requireEnum,
  requireExternalId,
  requireInt,
  requireText,
  requireUuid,
  type CommandContext,
} from '@cogov/service-kit';
import { RECORD_SOURCE_KINDS } from '../hours-ledger.events.js';
import { HoursLedgerType } from '../hours-ledger.graphql.js';
import { HoursLedgerReader } from '../hours-ledger-reader.js';
import { RecordServiceHoursCommand } from './record-service-hours.handler.js';

@InputType()
export class RecordSourceInput {
  @Field({ description: RECORD_SOURCE_KINDS.join(' | ') }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The opportunity / activity id; null exactly for other.' }) id?: string | null;
}

@InputType()
export class RecordServiceHoursInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => ID, { description: 'Where the service was given.' }) communityId!: string;
  @Field(() => RecordSourceInput) source!: RecordSourceInput;
  @Field() activity!: string;
  @Field({ description: 'YYYY-MM-DD, not in the future' }) servedOn!: string;
  @Field() place!: string;
  @Field() content!: string;
  @Field() organisingUnit!: string;
  @Field(() => ID) personInChargeId!: string;
  @Field() personInChargeName!: string;
  @Field(() => Int) servedMinutes!: number;
}

@Resolver()
export class RecordServiceHoursResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(HoursLedgerReader) private readonly reader: HoursLedgerReader,
  ) {}

  @Mutation(() => HoursLedgerType, { description: 'Enters verified hours in the ledger; flagged late after 10 working days.' })
  async recordServiceHours(
    @Args('input') input: RecordServiceHoursInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<HoursLedgerType> {
    const kind = requireEnum(input.source?.kind, RECORD_SOURCE_KINDS, 'input.source.kind');
    if (kind === 'other' && input.source.id != null) throw new ValidationError('input.source.id', 'input.source.id must be null for other service');
    const data = {
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      recordId: uuidv7(),
      source: { kind, id: kind === 'other' ? null : kind === 'opportunity' ? requireUuid(input.source.id, 'input.source.id') : requireExternalId(input.source.id, 'input.source.id') },
      activity: requireText(input.activity, 'input.activity', { max: 100 }),
      servedOn: requireDate(input.servedOn, 'input.servedOn'),
      place: requireText(input.place, 'input.place', { max: 200 }),
      content: requireText(input.content, 'input.content', { max: 2000 }),
      organisingUnit: requireText(input.organisingUnit, 'input.organisingUnit', { max: 100 }),
      personInChargeId: requireExternalId(input.personInChargeId, 'input.personInChargeId'),
      personInChargeName: requireText(input.personInChargeName, 'input.personInChargeName', { max: 40 }),
      servedMinutes: requireInt(input.servedMinutes, 'input.servedMinutes', 1, 24 * 60),
    };
    const { checkpoint } = await this.commands.execute(new RecordServiceHoursCommand(data, context));
    await this.readYourWrites.waitFor(['hours-ledger'], checkpoint, 'recordServiceHours');
    return this.reader.ledger(actor, data.volunteerId);
  }
}
