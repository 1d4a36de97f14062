import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, MASKS, PersonalDataPresenter, ReadModels } from '@cogov/service-kit';
import type { OpportunityType } from './opportunity.graphql.js';
import { OpportunityRow, SignUpRow } from './projections/opportunity-board/opportunity-board.entities.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** An opportunity with its sign-ups from the board, inside the caller's jurisdiction. */
@Injectable()
export class OpportunityReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
  ) {}

  async opportunity(actor: Actor, opportunityId: string): Promise<OpportunityType> {
    const em = this.readModels.em();
    const row = await em.findOne(OpportunityRow, { opportunityId });
    if (!row) throw new NotFoundError('service opportunity', opportunityId);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`community ${row.communityId} is outside your jurisdiction`);
    }
    const signUps = await em.find(SignUpRow, { opportunityId }, { orderBy: { signedUpAt: 'asc', volunteerId: 'asc' } });
    const [personInChargeName] = await this.personal.present(actor, [
      { place: { communityId: row.communityId }, field: row.personInChargeName, mask: MASKS.name },
    ]);
    return {
      id: row.opportunityId,
      communityId: row.communityId,
      sourceKind: row.sourceKind,
      sourceId: row.sourceId,
      teamId: row.teamId,
      title: row.title,
      content: row.content,
      place: row.place,
      organisingUnit: row.organisingUnit,
      personInChargeId: row.personInChargeId,
      personInChargeName: personInChargeName!,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      capacity: row.capacity,
      status: row.status,
      signedUpCount: signUps.length,
      signUps: signUps.map((s) => ({
        volunteerId: s.volunteerId,
        stage: s.stage,
        signedUpAt: s.signedUpAt.toISOString(),
        checkedInAt: iso(s.checkedInAt),
        checkedOutAt: iso(s.checkedOutAt),
        minutesPresent: s.minutesPresent,
        servedMinutes: s.servedMinutes,
      })),
    };
  }
}
