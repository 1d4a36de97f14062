import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError, requireCreditCode } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireDate, requireExternalId, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import { CompoundType } from '../compound.graphql.js';
import { SignPropertyServiceContractCommand } from './sign-property-service-contract.handler.js';

/** GB 32100 alphabet (no I, O, Z, S, V), as the decider checks it, but named by the client's field. */

@InputType()
export class SignPropertyServiceContractInput {
  @Field(() => ID) compoundId!: string;
  @Field(() => ID, { description: "The property company's id (organisations context)." }) companyId!: string;
  @Field() companyName!: string;
  @Field({ description: '18-character unified social credit code (统一社会信用代码).' }) unifiedSocialCreditCode!: string;
  @Field({ description: 'YYYY-MM-DD' }) startsOn!: string;
  @Field({ description: 'YYYY-MM-DD, after startsOn' }) endsOn!: string;
}

@Resolver()
export class SignPropertyServiceContractResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CompoundCommands) private readonly compounds: CompoundCommands,
  ) {}

  @Mutation(() => CompoundType)
  async signPropertyServiceContract(
    @Args('input') input: SignPropertyServiceContractInput,
    @MutationContext() context: CommandContext,
  ): Promise<CompoundType> {
    const code = requireCreditCode(input.unifiedSocialCreditCode, 'input.unifiedSocialCreditCode');
    const startsOn = requireDate(input.startsOn, 'input.startsOn');
    const endsOn = requireDate(input.endsOn, 'input.endsOn');
    if (endsOn <= startsOn) throw new ValidationError('input.endsOn', 'input.endsOn must be after input.startsOn');
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      contractId: uuidv7(),
      companyId: requireExternalId(input.companyId, 'input.companyId'),
      companyName: requireText(input.companyName, 'input.companyName', { max: 100 }),
      unifiedSocialCreditCode: code,
      startsOn,
      endsOn,
    };
    return this.compounds.present(await this.commands.execute(new SignPropertyServiceContractCommand(data, context)), 'signPropertyServiceContract');
  }
}
