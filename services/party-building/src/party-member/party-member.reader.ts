import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { EncryptedField, GlobalCheckpoint } from '@cogov/eventsourcing';
import { MASKS, PersonalDataPresenter, ReadModels, ReadYourWrites } from '@cogov/service-kit';
import type { PartyMemberType } from './party-member.graphql.js';
import { PartyMemberRow } from './projections/member-register/member-register.entity.js';

/** What the API shows of a member before the personal fields are filled in. */
export interface PartyMemberRecord extends Omit<PartyMemberType, 'name' | 'phone'> {
  encrypted: { name: EncryptedField; phone: EncryptedField };
}

export function memberFromRow(row: PartyMemberRow): PartyMemberRecord {
  return {
    id: row.memberId,
    communityId: row.communityId,
    membershipOrganisation: row.membershipOrganisation,
    householdId: row.householdId,
    status: row.endedAt ? 'ended' : 'registered',
    registeredAt: row.registeredAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    encrypted: { name: row.name, phone: row.phone },
  };
}

/** Party members for one response: one batched decrypt, masked as the caller's role and jurisdiction say. */
@Injectable()
export class PartyMemberReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  async present(actor: Actor, records: readonly PartyMemberRecord[]): Promise<PartyMemberType[]> {
    const values = await this.personal.present(
      actor,
      records.flatMap((r) => [
        { place: { communityId: r.communityId }, field: r.encrypted.name, mask: MASKS.name },
        { place: { communityId: r.communityId }, field: r.encrypted.phone, mask: MASKS.phone },
      ]),
    );
    return records.map(({ encrypted: _encrypted, ...member }, i) => ({ ...member, name: values[2 * i]!, phone: values[2 * i + 1]! }));
  }

  /** A mutation's answer once the member register has the command's checkpoint; null if it is still behind. */
  async afterWrite(actor: Actor, memberId: string, checkpoint: GlobalCheckpoint | null, mutation: string): Promise<PartyMemberType | null> {
    await this.readYourWrites.waitFor(['member-register'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(PartyMemberRow, { memberId });
    if (!row) return null;
    const [member] = await this.present(actor, [memberFromRow(row)]);
    return member!;
  }
}
