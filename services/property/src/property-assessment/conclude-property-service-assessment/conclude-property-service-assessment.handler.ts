import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import type { PropertyAssessmentState } from '../property-assessment.state.js';

export class ConcludePropertyServiceAssessmentCommand extends Command<Written<PropertyAssessmentState>> {
  constructor(
    readonly data: { compoundId: string; quarter: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ConcludePropertyServiceAssessmentCommand)
export class ConcludePropertyServiceAssessmentHandler implements ICommandHandler<ConcludePropertyServiceAssessmentCommand> {
  constructor(@Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands) {}

  execute({ data, context }: ConcludePropertyServiceAssessmentCommand): Promise<Written<PropertyAssessmentState>> {
    return this.assessments.run(data, context, (metadata) => ({ type: 'ConcludePropertyServiceAssessment', data, metadata }));
  }
}
