import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import { NotFoundError, shanghaiDateOf } from '@cogov/domain';
import { MASKS, PersonalDataPresenter, ReadModels } from '@cogov/service-kit';
import { VolunteerReader } from '../volunteer/volunteer-reader.js';
import { VolunteerRow } from '../volunteer/projections/volunteer-roster/volunteer-roster.entities.js';
import { type CertificateVerificationType, hoursOf, type HoursLedgerType, type ServiceCertificateType } from './hours-ledger.graphql.js';
import { HoursLedgerRow, ServiceCertificateRow, ServiceRecordRow } from './projections/hours-ledger/hours-ledger.entities.js';

const certificateOf = (row: ServiceCertificateRow): ServiceCertificateType => ({
  id: row.certificateId,
  verificationCode: row.verificationCode,
  communityId: row.communityId,
  serviceHours: hoursOf(row.cumulativeMinutes),
  starLevel: row.starLevel,
  issuedAt: row.issuedAt.toISOString(),
  revoked: row.revoked,
});

/** Ledgers from the hours-ledger read model; a ledger is seen by whoever covers the volunteer's community. */
@Injectable()
export class HoursLedgerReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(VolunteerReader) private readonly volunteers: VolunteerReader,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
  ) {}

  async ledger(actor: Actor, volunteerId: string): Promise<HoursLedgerType> {
    const em = this.readModels.em();
    const volunteer = await em.findOne(VolunteerRow, { volunteerId });
    if (!volunteer) throw new NotFoundError('volunteer', volunteerId);
    await this.volunteers.assertCovers(actor, volunteer.communityId);
    const [ledger, records, certificates] = await Promise.all([
      em.findOne(HoursLedgerRow, { volunteerId }),
      em.find(ServiceRecordRow, { volunteerId }, { orderBy: { servedOn: 'asc', recordedAt: 'asc' } }),
      em.find(ServiceCertificateRow, { volunteerId }, { orderBy: { issuedAt: 'asc' } }),
    ]);
    const names = await this.personal.present(
      actor,
      records.map((r) => ({ place: { communityId: r.communityId }, field: r.personInChargeName, mask: MASKS.name })),
    );
    const minutes = ledger?.cumulativeMinutes ?? 0;
    return {
      volunteerId,
      totalVerifiedMinutes: minutes,
      totalVerifiedHours: hoursOf(minutes),
      starLevel: ledger?.starLevel ?? 0,
      lateRecords: ledger?.lateRecords ?? 0,
      records: records.map((r, i) => ({
        id: r.recordId,
        communityId: r.communityId,
        sourceKind: r.sourceKind,
        sourceId: r.sourceId,
        activity: r.activity,
        servedOn: r.servedOn,
        place: r.place,
        content: r.content,
        organisingUnit: r.organisingUnit,
        personInChargeId: r.personInChargeId,
        personInChargeName: names[i]!,
        servedMinutes: r.servedMinutes,
        workingDaysToRecord: r.workingDaysToRecord,
        late: r.late,
        recordedAt: r.recordedAt.toISOString(),
      })),
      certificates: certificates.map(certificateOf),
    };
  }

  async certificate(actor: Actor, certificateId: string): Promise<ServiceCertificateType> {
    const row = await this.readModels.em().findOne(ServiceCertificateRow, { certificateId });
    if (!row) throw new NotFoundError('service certificate', certificateId);
    await this.volunteers.assertCovers(actor, row.communityId);
    return certificateOf(row);
  }

  /** Public: only facts printed on the certificate anyway, nothing that names the volunteer. */
  async verify(verificationCode: string): Promise<CertificateVerificationType> {
    const row = await this.readModels.em().findOne(ServiceCertificateRow, { verificationCode });
    if (!row) return { valid: false, revoked: false, serviceHours: null, starLevel: null, issuedOn: null, issuingCommunityId: null };
    return {
      valid: !row.revoked,
      revoked: row.revoked,
      serviceHours: hoursOf(row.cumulativeMinutes),
      starLevel: row.starLevel,
      issuedOn: shanghaiDateOf(row.issuedAt.toISOString()),
      issuingCommunityId: row.communityId,
    };
  }
}
