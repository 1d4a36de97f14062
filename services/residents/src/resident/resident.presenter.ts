import { Inject, Injectable } from '@nestjs/common';
import { canSeePersonalData, type Actor } from '@cogov/auth';
import { ERASED } from '@cogov/eventsourcing';
import { MASKS, PersonalDataPresenter, type PersonalRequest, ReadModels } from '@cogov/service-kit';
import { ResidentRow } from '../community/projections/community-directory/community-directory.entities.js';
import { ResidentStatus, type ResidentType } from './resident.graphql.js';

export function residentFromRow(row: ResidentRow): ResidentType {
  return {
    id: row.id,
    communityId: row.communityId,
    householdId: row.householdId,
    gridId: row.gridId,
    status: row.movedOutOn ? ResidentStatus.moved_out : ResidentStatus.residing,
    movedInOn: row.movedInOn,
    movedOutOn: row.movedOutOn,
    moveOutReason: row.moveOutReason,
    personalDataErased: row.erased,
    encrypted: { name: row.name, idNumber: row.idNumber, phone: row.phone },
  };
}

/**
 * Fills the personal fields of residents for one response with a single batched decrypt. Residents that
 * come from a command's state (no encrypted fields at hand) take them from the directory read model.
 */
@Injectable()
export class ResidentPresenter {
  constructor(
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  async present(actor: Actor, residents: ResidentType[], rows: ResidentRow[] = []): Promise<ResidentType[]> {
    const missing = residents.filter((r) => !r.encrypted).map((r) => r.id);
    const fetched = missing.length ? await this.readModels.em().find(ResidentRow, { id: { $in: missing } }) : [];
    const byId = new Map([...rows, ...fetched].map((row) => [row.id, row]));

    const requests: PersonalRequest[] = [];
    const slots: { resident: ResidentType; key: 'name' | 'idNumber' | 'phone' | 'tag'; tagOp?: 'tag' | 'untag' }[] = [];
    for (const resident of residents) {
      const row = byId.get(resident.id);
      const encrypted = resident.encrypted ?? (row && { name: row.name, idNumber: row.idNumber, phone: row.phone });
      const place = { communityId: resident.communityId, gridId: resident.gridId };
      if (encrypted) {
        for (const key of ['name', 'idNumber', 'phone'] as const) {
          requests.push({ place, field: encrypted[key], mask: MASKS[key] });
          slots.push({ resident, key });
        }
      }
      if (!resident.tagCodes && row && canSeePersonalData(actor, place)) {
        for (const change of row.tagChanges) {
          requests.push({ place, field: change.tag, mask: undefined });
          slots.push({ resident, key: 'tag', tagOp: change.op });
        }
      }
    }
    const values = await this.personal.present(actor, requests);
    const tags = new Map<ResidentType, Set<string>>();
    slots.forEach((slot, i) => {
      const value = values[i]!;
      if (slot.key !== 'tag') {
        slot.resident[slot.key] = value;
        return;
      }
      const set = tags.get(slot.resident) ?? new Set<string>();
      if (value !== ERASED) {
        if (slot.tagOp === 'tag') set.add(value);
        else set.delete(value);
      }
      tags.set(slot.resident, set);
    });
    for (const resident of residents) {
      const place = { communityId: resident.communityId, gridId: resident.gridId };
      // Vulnerable-group membership is itself sensitive: hidden entirely, not masked, for other callers.
      resident.vulnerableGroups = canSeePersonalData(actor, place)
        ? resident.personalDataErased
          ? []
          : [...(resident.tagCodes ?? tags.get(resident) ?? [])]
        : null;
    }
    return residents;
  }
}
