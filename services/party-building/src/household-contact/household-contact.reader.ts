import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { GlobalCheckpoint } from '@cogov/eventsourcing';
import { MASKS, PersonalDataPresenter, ReadModels, ReadYourWrites } from '@cogov/service-kit';
import { PartyMemberRow } from '../party-member/projections/member-register/member-register.entity.js';
import type { HouseholdContactType } from './household-contact.graphql.js';
import { HouseholdContactRow } from './projections/household-contacts/household-contacts.entity.js';

/** Household contacts for one response, with their members' names from the member register (one decrypt). */
@Injectable()
export class HouseholdContactReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  async present(actor: Actor, rows: readonly HouseholdContactRow[]): Promise<HouseholdContactType[]> {
    const memberIds = [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))];
    const members = memberIds.length ? await this.readModels.em().find(PartyMemberRow, { memberId: { $in: memberIds } }) : [];
    const names = await this.personal.present(
      actor,
      members.map((m) => ({ place: { communityId: m.communityId }, field: m.name, mask: MASKS.name })),
    );
    const nameOf = new Map(members.map((m, i) => [m.memberId, names[i]!]));
    return rows.map((row) => ({
      householdId: row.householdId,
      communityId: row.communityId,
      memberId: row.memberId,
      memberName: row.memberId ? (nameOf.get(row.memberId) ?? null) : null,
      assignedAt: row.assignedAt?.toISOString() ?? null,
      lastVisitOn: row.lastVisitOn,
      lastVisitPurpose: row.lastVisitPurpose,
      visitCount: row.visitCount,
    }));
  }

  /** A mutation's answer once the household contacts have the command's checkpoint. */
  async afterWrite(actor: Actor, householdId: string, checkpoint: GlobalCheckpoint | null, mutation: string): Promise<HouseholdContactType> {
    await this.readYourWrites.waitFor(['household-contacts'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(HouseholdContactRow, { householdId });
    // Only read models still behind the assignment past the read-your-writes timeout get here.
    if (!row) throw new Error(`household-contacts has no household ${householdId} yet`);
    const [contact] = await this.present(actor, [row]);
    return contact!;
  }
}
