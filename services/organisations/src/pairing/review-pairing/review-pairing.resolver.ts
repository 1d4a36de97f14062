import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { MutationContext, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PAIRING_RATINGS } from '../pairing.events.js';
import { PairingType } from '../pairing.graphql.js';
import { ReviewPairingCommand } from './review-pairing.handler.js';

const PERIOD = /^\d{4}(-(H[12]|Q[1-4]))?$/;

@InputType()
export class ReviewPairingInput {
  @Field(() => ID) pairingId!: string;
  @Field({ description: 'The year (2026), half (2026-H1) or quarter (2026-Q3) reviewed, between the establishment and today.' }) period!: string;
  @Field({ description: PAIRING_RATINGS.join(' | ') }) rating!: string;
  @Field({ description: 'May be empty.' }) comments!: string;
}

@Resolver()
export class ReviewPairingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType, {
    description: 'Rates a pairing for a period (共建考评), once per period; an ended pairing can still get its final review.',
  })
  async reviewPairing(@Args('input') input: ReviewPairingInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    if (typeof input.period !== 'string' || !PERIOD.test(input.period)) {
      throw new ValidationError('input.period', 'input.period must be a year (2026), a half (2026-H1) or a quarter (2026-Q3)');
    }
    const data = {
      pairingId: requireUuid(input.pairingId, 'input.pairingId'),
      period: input.period,
      rating: requireEnum(input.rating, PAIRING_RATINGS, 'input.rating'),
      comments: requireText(input.comments, 'input.comments', { min: 0, max: 500 }),
    };
    return this.pairings.present(await this.commands.execute(new ReviewPairingCommand(data, context)), 'reviewPairing');
  }
}
