import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { requireQuarter } from '../assessment-scheme.js';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import { PropertyServiceAssessmentType } from '../property-assessment.graphql.js';
import { ConcludePropertyServiceAssessmentCommand } from './conclude-property-service-assessment.handler.js';

@InputType()
export class ConcludePropertyServiceAssessmentInput {
  @Field(() => ID) compoundId!: string;
  @Field() quarter!: string;
}

@Resolver()
export class ConcludePropertyServiceAssessmentResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands,
  ) {}

  @Mutation(() => PropertyServiceAssessmentType, { description: "Rates the quarter (on or after its last day) with every criterion scored." })
  async concludePropertyServiceAssessment(
    @Args('input') input: ConcludePropertyServiceAssessmentInput,
    @MutationContext() context: CommandContext,
  ): Promise<PropertyServiceAssessmentType> {
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      quarter: requireQuarter(input.quarter, 'input.quarter').quarter,
    };
    return this.assessments.present(
      await this.commands.execute(new ConcludePropertyServiceAssessmentCommand(data, context)),
      'concludePropertyServiceAssessment',
    );
  }
}
