import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `volunteer-team-<teamId>`: a volunteer team (志愿服务队) of a community, by category. Membership is
 * recorded on each volunteer's own stream (VolunteerJoinedTeam), where the "no suspended member joins" rule lives.
 */

/** 司法/法律服务, 文化, 医疗, 环境卫生, 助老, 党员先锋, 教育, 平安巡逻, 环保, 其他. */
export const TEAM_CATEGORIES = [
  'judicial',
  'cultural',
  'medical',
  'sanitation',
  'elder_care',
  'party_member_vanguard',
  'education',
  'public_safety',
  'environmental',
  'other',
] as const;
export type TeamCategory = (typeof TEAM_CATEGORIES)[number];

export type VolunteerTeamFormed = DomainEvent<
  'VolunteerTeamFormed',
  { teamId: string; communityId: string; name: string; category: TeamCategory; formedAt: string }
>;

export type VolunteerTeamDisbanded = DomainEvent<
  'VolunteerTeamDisbanded',
  { teamId: string; communityId: string; reason: string; disbandedAt: string }
>;

export type TeamEvent = VolunteerTeamFormed | VolunteerTeamDisbanded;

export const teamStreamId = (teamId: string): string => `volunteer-team-${teamId}`;
