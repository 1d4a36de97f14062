import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { requireQuarter } from '../assessment-scheme.js';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import { PropertyServiceAssessmentType } from '../property-assessment.graphql.js';
import { ScorePropertyServiceCriterionCommand } from './score-property-service-criterion.handler.js';

@InputType()
export class ScorePropertyServiceCriterionInput {
  @Field(() => ID) compoundId!: string;
  @Field() quarter!: string;
  @Field({ description: "A criterion of the assessment's scheme, e.g. cleaning, appeal_satisfaction." }) criterion!: string;
  @Field(() => Int, { description: '0–100' }) score!: number;
}

@Resolver()
export class ScorePropertyServiceCriterionResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands,
  ) {}

  @Mutation(() => PropertyServiceAssessmentType, { description: 'Scores (or corrects the score of) one criterion of an open assessment.' })
  async scorePropertyServiceCriterion(
    @Args('input') input: ScorePropertyServiceCriterionInput,
    @MutationContext() context: CommandContext,
  ): Promise<PropertyServiceAssessmentType> {
    // Whether the criterion belongs to the assessment's scheme is decide's to say: the scheme was fixed at opening.
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      quarter: requireQuarter(input.quarter, 'input.quarter').quarter,
      criterion: requireText(input.criterion, 'input.criterion', { max: 60 }),
      score: requireInt(input.score, 'input.score', 0, 100),
    };
    return this.assessments.present(await this.commands.execute(new ScorePropertyServiceCriterionCommand(data, context)), 'scorePropertyServiceCriterion');
  }
}
