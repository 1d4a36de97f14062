import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { EncryptedField, GlobalCheckpoint } from '@cogov/eventsourcing';
import { MASKS, PersonalDataPresenter, ReadModels, ReadYourWrites } from '@cogov/service-kit';
import type { PartyMemberServiceRecordType, PartyMemberType } from './party-member.graphql.js';
import { PartyMemberRow } from './projections/member-register/member-register.entity.js';
import { ServiceEntryRow } from './projections/service-record/service-record.entity.js';

/** What the API shows of a member before the personal fields and the service record are filled in. */
export interface PartyMemberRecord extends Omit<PartyMemberType, 'name' | 'phone' | 'serviceRecord'> {
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
    if (records.length === 0) return [];
    const [values, serviceByMember] = await Promise.all([
      this.personal.present(
        actor,
        records.flatMap((r) => [
          { place: { communityId: r.communityId }, field: r.encrypted.name, mask: MASKS.name },
          { place: { communityId: r.communityId }, field: r.encrypted.phone, mask: MASKS.phone },
        ]),
      ),
      this.serviceRecords(records.map((r) => r.id)),
    ]);
    return records.map(({ encrypted: _encrypted, ...member }, i) => ({
      ...member,
      name: values[2 * i]!,
      phone: values[2 * i + 1]!,
      serviceRecord: serviceByMember.get(member.id) ?? { totalMinutes: 0, totalHours: 0, entries: [] },
    }));
  }

  /** The service records of the members, in one query (the `service-record` read model). */
  private async serviceRecords(memberIds: readonly string[]): Promise<Map<string, PartyMemberServiceRecordType>> {
    const rows = await this.readModels
      .em()
      .find(ServiceEntryRow, { memberId: { $in: [...memberIds] } }, { orderBy: { servedOn: 'desc', creditedAt: 'desc', recordId: 'asc' } });
    const byMember = new Map<string, PartyMemberServiceRecordType>();
    for (const row of rows) {
      const record = byMember.get(row.memberId) ?? { totalMinutes: 0, totalHours: 0, entries: [] };
      record.entries.push({
        recordId: row.recordId,
        volunteerId: row.volunteerId,
        sourceKind: row.sourceKind,
        sourceId: row.sourceId,
        activity: row.activity,
        servedOn: row.servedOn,
        servedMinutes: row.servedMinutes,
        creditedAt: row.creditedAt.toISOString(),
      });
      record.totalMinutes += row.servedMinutes;
      record.totalHours = Math.round((record.totalMinutes / 60) * 100) / 100;
      byMember.set(row.memberId, record);
    }
    return byMember;
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
