import type { DomainEvent } from '@cogov/eventsourcing';

/** Stream `household-<householdId>`. Event types and fields follow the residents event catalogue (v1). */

export interface HouseholdAddress {
  /** 小区 */
  compound: string;
  /** 楼 */
  building: string;
  /** 单元 */
  unit: string;
  /** 室 */
  room: string;
}

export type HouseholdRegistered = DomainEvent<
  'HouseholdRegistered',
  { householdId: string; communityId: string; gridId: string; address: HouseholdAddress }
>;

export type HouseholdEvent = HouseholdRegistered;

export const householdStreamId = (householdId: string): string => `household-${householdId}`;
