import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, ReadModels, type CommandContext, type Written } from '@cogov/service-kit';
import { compoundDecider } from '../../compound/compound.decide.js';
import { compoundStreamId } from '../../compound/compound.events.js';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import type { OwnersCommitteeState } from '../owners-committee.state.js';
import { OwnersCommitteeRow } from '../projections/owners-committee-register/owners-committee-register.entity.js';

export interface FormPreparatoryGroupData {
  committeeId: string;
  compoundId: string;
  /** Owners, and the residents' committee's or street office's representatives, by id. */
  memberIds: string[];
}

export class FormPreparatoryGroupCommand extends Command<Written<OwnersCommitteeState>> {
  constructor(
    readonly data: FormPreparatoryGroupData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FormPreparatoryGroupCommand)
export class FormPreparatoryGroupHandler implements ICommandHandler<FormPreparatoryGroupCommand> {
  constructor(
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  async execute({ data, context }: FormPreparatoryGroupCommand): Promise<Written<OwnersCommitteeState>> {
    // The committee belongs to the compound's community, read from the compound, not taken from the caller.
    const { state: compound } = await this.aggregates.load(compoundStreamId(data.compoundId), compoundDecider);
    if (compound.status !== 'registered') throw new NotFoundError('compound', data.compoundId);
    await this.jurisdiction.assert(context.actor, { communityId: compound.communityId });
    // One formation at a time per compound (a filed committee may be succeeded at the end of its term). The
    // register is the only place that knows a compound's committees; at worst it lags a just-formed group.
    const forming = await this.readModels.em().findOne(OwnersCommitteeRow, { compoundId: data.compoundId, status: { $in: ['preparing', 'elected'] } });
    if (forming && forming.committeeId !== data.committeeId) {
      throw new InvalidStateError(`compound ${data.compoundId} already has owners' committee ${forming.committeeId} being formed`);
    }
    const { communityId } = compound;
    return this.committees.run(
      data.committeeId,
      context,
      (metadata) => ({ type: 'FormPreparatoryGroup', data: { ...data, communityId }, metadata }),
      communityId,
    );
  }
}
