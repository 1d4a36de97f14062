import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import type { PropertyAssessmentState } from '../property-assessment.state.js';

export class ScorePropertyServiceCriterionCommand extends Command<Written<PropertyAssessmentState>> {
  constructor(
    readonly data: { compoundId: string; quarter: string; criterion: string; score: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ScorePropertyServiceCriterionCommand)
export class ScorePropertyServiceCriterionHandler implements ICommandHandler<ScorePropertyServiceCriterionCommand> {
  constructor(@Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands) {}

  execute({ data, context }: ScorePropertyServiceCriterionCommand): Promise<Written<PropertyAssessmentState>> {
    return this.assessments.run(data, context, (metadata) => ({ type: 'ScorePropertyServiceCriterion', data, metadata }));
  }
}
