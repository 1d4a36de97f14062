import { Inject, Injectable } from '@nestjs/common';
import { canSeePersonalData, maskIdNumber, maskName, maskPhone, type Actor } from '@cogov/auth';
import { ERASED, PersonalDataVault, type EncryptedField } from '@cogov/eventsourcing';

export type Mask = (value: string) => string;
export const MASKS = { name: maskName, idNumber: maskIdNumber, phone: maskPhone } as const;
const MASK_ALL: Mask = (value) => (value === ERASED ? value : '***');

export interface PersonalRequest {
  place: { communityId: string; gridId?: string | null };
  field: EncryptedField;
  mask: Mask | undefined;
}

/**
 * Reads personal fields for one response: one batched decrypt for every field of every row, then masks
 * for callers whose role or jurisdiction does not allow the data in clear. An erased subject reads as
 * `[erased]` for everyone.
 */
@Injectable()
export class PersonalDataPresenter {
  constructor(@Inject(PersonalDataVault) private readonly vault: PersonalDataVault) {}

  async present(actor: Actor, requests: readonly PersonalRequest[]): Promise<string[]> {
    if (requests.length === 0) return [];
    const clear = await this.vault.decryptMany(requests.map((r) => r.field));
    return requests.map((request, i) => {
      const value = clear[i]!;
      return canSeePersonalData(actor, request.place) ? value : (request.mask ?? MASK_ALL)(value);
    });
  }
}
