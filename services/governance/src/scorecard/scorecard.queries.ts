import type pg from 'pg';

/**
 * The scorecard's figures (definitions: docs/governance.md#scorecard), computed from the facts with `at <= asOf`
 * — so the same query answers "now" and "as it stood on a past date". Stocks are counted at `asOf`; flows over
 * the 365 days up to `asOf` (`since`). One row per community, raw counts only: rates are derived in code, so a
 * street's rate is computed from its communities' numerators and denominators, never averaged.
 */
export interface CommunityCounts {
  communityId: string;
  residents: number;
  households: number;
  appealsFiled: number;
  appealsResponded: number;
  appealsResolved: number;
  appealsVisited: number;
  appealsSatisfied: number;
  appealsOverdue: number;
  volunteersRegistered: number;
  volunteersActive: number;
  verifiedMinutes: number;
  partyMembersRegistered: number;
  householdsWithContact: number;
  pairingsActive: number;
  pairingActivities: number;
  pairingParticipants: number;
  fundsPledgedFen: number;
  fundsDisbursedFen: number;
  compounds: number;
  compoundsWithCommittee: number;
  ratingExcellent: number;
  ratingGood: number;
  ratingPass: number;
  ratingFail: number;
}

const SQL = `
with f as (
  select * from gov_fact where community_id = any($1::text[]) and at <= $2
),
appeals as (
  select community_id, subject_id,
         min(at) filter (where kind = 'appeal.filed') as filed_at,
         min(at) filter (where kind in ('appeal.accepted', 'appeal.dispatched')) as responded_at,
         max(at) filter (where kind = 'appeal.resolved') as resolved_at,
         max(at) filter (where kind = 'appeal.reopened') as reopened_at,
         (array_agg(due_at order by at desc) filter (where due_at is not null))[1] as due_at,
         (array_agg(attrs->>'rating' order by at desc) filter (where kind = 'appeal.visited'))[1] as rating
    from f where kind like 'appeal.%' group by community_id, subject_id
),
appeal_counts as (
  select community_id,
         count(*) as filed,
         count(*) filter (where responded_at is not null) as responded,
         count(*) filter (where resolved_at is not null and (reopened_at is null or reopened_at < resolved_at)) as resolved,
         count(*) filter (where rating is not null) as visited,
         count(*) filter (where rating in ('satisfied', 'basically_satisfied')) as satisfied,
         count(*) filter (where due_at < $2 and (resolved_at is null or reopened_at > resolved_at)) as overdue
    from appeals where filed_at is not null and filed_at > $3 group by community_id
),
presence as (
  -- One row per subject that comes and goes (a resident, a registered party member, a household's contact, a
  -- pairing): when it last came and last went, up to asOf. Grouped once, so the stocks below need no self-join.
  select community_id, subject_id,
         case when kind like 'resident.%' then 'resident' when kind like 'party_member.%' then 'member'
              when kind like 'household.%' then 'contact' else 'pairing' end as what,
         max(at) filter (where kind in ('resident.moved_in', 'party_member.registered', 'household.assigned', 'pairing.established')) as in_at,
         max(at) filter (where kind in ('resident.moved_out', 'party_member.ended', 'household.released', 'pairing.ended')) as out_at
    from f
   where kind in ('resident.moved_in', 'resident.moved_out', 'party_member.registered', 'party_member.ended',
                  'household.assigned', 'household.released', 'pairing.established', 'pairing.ended')
   group by community_id, subject_id, 3
),
stocks as (
  select community_id,
         count(*) filter (where what = 'resident' and in_at is not null and (out_at is null or out_at < in_at)) as residents,
         count(*) filter (where what = 'member' and in_at is not null and (out_at is null or out_at < in_at)) as party_members,
         count(*) filter (where what = 'contact' and in_at is not null and (out_at is null or out_at < in_at)) as households_with_contact,
         -- An ended pairing does not come back.
         count(*) filter (where what = 'pairing' and in_at is not null and out_at is null) as pairings_active
    from presence group by community_id
),
pledges as (
  select distinct on (subject_id) community_id, subject_id, amount from f
   where kind in ('pairing.established', 'pairing.pledge_amended')
     and not exists (select 1 from f e where e.kind = 'pairing.ended' and e.subject_id = f.subject_id)
   order by subject_id, at desc, kind desc
),
ratings as (
  select distinct on (subject_id) community_id, subject_id, attrs->>'rating' as rating from f
   where kind = 'assessment.concluded' order by subject_id, at desc
),
simple as (
  select community_id,
         count(distinct subject_id) filter (where kind = 'household.registered') as households,
         count(distinct subject_id) filter (where kind = 'volunteer.registered') as volunteers,
         count(distinct subject_id) filter (where kind = 'hours.recorded' and at > $2::timestamptz - interval '90 days') as volunteers_active,
         coalesce(sum(amount) filter (where kind = 'hours.recorded' and at > $3), 0) as verified_minutes,
         count(*) filter (where kind = 'pairing.activity' and at > $3) as pairing_activities,
         coalesce(sum(amount) filter (where kind = 'pairing.activity' and at > $3), 0) as pairing_participants,
         coalesce(sum(amount) filter (where kind = 'pairing.disbursed' and at > $3), 0) as disbursed,
         count(distinct subject_id) filter (where kind = 'compound.registered') as compounds,
         count(distinct subject_id) filter (where kind = 'committee.filed') as compounds_with_committee
    from f group by community_id
)
select c.community_id,
       coalesce(st.residents, 0) as residents, coalesce(s.households, 0) as households,
       coalesce(a.filed, 0) as appeals_filed, coalesce(a.responded, 0) as appeals_responded,
       coalesce(a.resolved, 0) as appeals_resolved, coalesce(a.visited, 0) as appeals_visited,
       coalesce(a.satisfied, 0) as appeals_satisfied, coalesce(a.overdue, 0) as appeals_overdue,
       coalesce(s.volunteers, 0) as volunteers_registered, coalesce(s.volunteers_active, 0) as volunteers_active,
       coalesce(s.verified_minutes, 0) as verified_minutes,
       coalesce(st.party_members, 0) as party_members_registered, coalesce(st.households_with_contact, 0) as households_with_contact,
       coalesce(st.pairings_active, 0) as pairings_active, coalesce(s.pairing_activities, 0) as pairing_activities,
       coalesce(s.pairing_participants, 0) as pairing_participants,
       coalesce((select sum(amount) from pledges p where p.community_id = c.community_id), 0) as funds_pledged_fen,
       coalesce(s.disbursed, 0) as funds_disbursed_fen,
       coalesce(s.compounds, 0) as compounds, coalesce(s.compounds_with_committee, 0) as compounds_with_committee,
       (select count(*) from ratings r where r.community_id = c.community_id and r.rating = 'excellent') as rating_excellent,
       (select count(*) from ratings r where r.community_id = c.community_id and r.rating = 'good') as rating_good,
       (select count(*) from ratings r where r.community_id = c.community_id and r.rating = 'pass') as rating_pass,
       (select count(*) from ratings r where r.community_id = c.community_id and r.rating = 'fail') as rating_fail
  from unnest($1::text[]) as c(community_id)
  left join appeal_counts a on a.community_id = c.community_id
  left join stocks st on st.community_id = c.community_id
  left join simple s on s.community_id = c.community_id
 order by c.community_id`;

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export async function communityCounts(db: pg.Pool | pg.ClientBase, communityIds: readonly string[], asOf: Date): Promise<CommunityCounts[]> {
  const since = new Date(asOf.getTime() - 365 * 86_400_000);
  const { rows } = await db.query<Record<string, string>>(SQL, [communityIds, asOf.toISOString(), since.toISOString()]);
  return rows.map((row) => {
    const counts: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(row)) counts[camel(key)] = key === 'community_id' ? value : Number(value);
    return counts as unknown as CommunityCounts;
  });
}

export interface CommunityName {
  communityId: string;
  name: string;
  streetId: string;
  streetName: string;
}

/** The communities the view knows (from the residents' CommunityRegistered), optionally of one street. */
export async function knownCommunities(db: pg.Pool | pg.ClientBase, streetId?: string): Promise<CommunityName[]> {
  const { rows } = await db.query<{ subject_id: string; attrs: { name: string; streetId: string; streetName: string } }>(
    `select distinct on (subject_id) subject_id, attrs from gov_fact
      where kind = 'community.registered' and ($1::text is null or attrs->>'streetId' = $1) order by subject_id, at`,
    [streetId ?? null],
  );
  return rows.map((r) => ({ communityId: r.subject_id, name: r.attrs.name, streetId: r.attrs.streetId, streetName: r.attrs.streetName }));
}

/** A community's street from the facts: undefined until its CommunityRegistered has been consumed. */
export function streetOfCommunity(db: pg.Pool): (communityId: string) => Promise<string | undefined> {
  return async (communityId) => {
    const { rows } = await db.query<{ street_id: string }>(
      `select attrs->>'streetId' as street_id from gov_fact where kind = 'community.registered' and subject_id = $1 limit 1`,
      [communityId],
    );
    return rows[0]?.street_id;
  };
}
