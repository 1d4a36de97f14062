import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import { OwnersCommitteeType } from '../owners-committee.graphql.js';
import { FormPreparatoryGroupCommand } from './form-preparatory-group.handler.js';

@InputType()
export class FormPreparatoryGroupInput {
  @Field(() => ID) compoundId!: string;
  @Field(() => [ID], { description: "Members of the preparatory group: owners, and the residents' committee's or street office's representatives." })
  memberIds!: string[];
}

@Resolver()
export class FormPreparatoryGroupResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
  ) {}

  @Mutation(() => OwnersCommitteeType, { description: "Forms the preparatory group (筹备组) of a compound's owners' committee." })
  async formPreparatoryGroup(@Args('input') input: FormPreparatoryGroupInput, @MutationContext() context: CommandContext): Promise<OwnersCommitteeType> {
    if (input.memberIds.length === 0) throw new ValidationError('input.memberIds', 'input.memberIds must name at least one member');
    const memberIds = input.memberIds.map((id, i) => requireExternalId(id, `input.memberIds[${i}]`));
    const repeated = memberIds.findIndex((id, i) => memberIds.indexOf(id) !== i);
    if (repeated !== -1) throw new ValidationError(`input.memberIds[${repeated}]`, `input.memberIds[${repeated}] repeats ${memberIds[repeated]}`);
    const data = { committeeId: uuidv7(), compoundId: requireUuid(input.compoundId, 'input.compoundId'), memberIds };
    return this.committees.present(await this.commands.execute(new FormPreparatoryGroupCommand(data, context)), 'formPreparatoryGroup');
  }
}
