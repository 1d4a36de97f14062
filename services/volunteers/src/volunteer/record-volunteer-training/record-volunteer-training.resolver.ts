import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireDate, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { VolunteerType } from '../volunteer.graphql.js';
import { VolunteerCommands } from '../volunteer-commands.js';
import { RecordVolunteerTrainingCommand } from './record-volunteer-training.handler.js';

@InputType()
export class RecordVolunteerTrainingInput {
  @Field(() => ID) volunteerId!: string;
  @Field({ description: 'e.g. 应急救护培训' }) course!: string;
  @Field({ description: 'Who gave it, e.g. 北京市红十字会' }) provider!: string;
  @Field({ description: 'YYYY-MM-DD (Asia/Shanghai), not in the future' }) completedOn!: string;
  @Field(() => Int) trainingMinutes!: number;
}

@Resolver()
export class RecordVolunteerTrainingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands,
  ) {}

  @Mutation(() => VolunteerType, { description: 'Records a course the volunteer completed (培训); a suspended volunteer’s past training too.' })
  async recordVolunteerTraining(
    @Args('input') input: RecordVolunteerTrainingInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<VolunteerType> {
    const data = {
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      trainingId: uuidv7(),
      course: requireText(input.course, 'input.course', { max: 100 }),
      provider: requireText(input.provider, 'input.provider', { max: 100 }),
      completedOn: requireDate(input.completedOn, 'input.completedOn'),
      trainingMinutes: requireInt(input.trainingMinutes, 'input.trainingMinutes', 1, 100 * 60),
    };
    const written = await this.commands.execute(new RecordVolunteerTrainingCommand(data, context));
    return this.volunteers.present(actor, data.volunteerId, written, 'recordVolunteerTraining');
  }
}
