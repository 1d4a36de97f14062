import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, ReadYourWrites, requireUuid, type CommandContext } from '@cogov/service-kit';
import { ServiceCertificateType } from '../hours-ledger.graphql.js';
import { HoursLedgerReader } from '../hours-ledger-reader.js';
import { IssueServiceCertificateCommand } from './issue-service-certificate.handler.js';

@InputType()
export class IssueServiceCertificateInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => ID, { description: 'The issuing community.' }) communityId!: string;
}

@Resolver()
export class IssueServiceCertificateResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(HoursLedgerReader) private readonly reader: HoursLedgerReader,
  ) {}

  @Mutation(() => ServiceCertificateType, { description: 'Certifies the cumulative verified hours; NOT_FOUND for an empty ledger.' })
  async issueServiceCertificate(
    @Args('input') input: IssueServiceCertificateInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceCertificateType> {
    const data = {
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      certificateId: uuidv7(),
    };
    const { checkpoint } = await this.commands.execute(new IssueServiceCertificateCommand(data, context));
    await this.readYourWrites.waitFor(['hours-ledger'], checkpoint, 'issueServiceCertificate');
    return this.reader.certificate(actor, data.certificateId);
  }
}
