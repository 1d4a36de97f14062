import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { requireQuarter } from '../assessment-scheme.js';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import { PropertyServiceAssessmentType } from '../property-assessment.graphql.js';
import { OpenPropertyServiceAssessmentCommand } from './open-property-service-assessment.handler.js';

@InputType()
export class OpenPropertyServiceAssessmentInput {
  @Field(() => ID) compoundId!: string;
  @Field({ description: 'YYYY-Qn; the quarter must have begun (Asia/Shanghai).' }) quarter!: string;
}

@Resolver()
export class OpenPropertyServiceAssessmentResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands,
  ) {}

  @Mutation(() => PropertyServiceAssessmentType, { description: 'Opens the quarterly assessment of the company under the contract in force.' })
  async openPropertyServiceAssessment(
    @Args('input') input: OpenPropertyServiceAssessmentInput,
    @MutationContext() context: CommandContext,
  ): Promise<PropertyServiceAssessmentType> {
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      quarter: requireQuarter(input.quarter, 'input.quarter').quarter,
    };
    return this.assessments.present(await this.commands.execute(new OpenPropertyServiceAssessmentCommand(data, context)), 'openPropertyServiceAssessment');
  }
}
