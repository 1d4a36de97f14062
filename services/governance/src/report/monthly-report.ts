import type pg from 'pg';
import { ValidationError } from '@cogov/domain';

/**
 * The monthly co-building report (月度共建情况通报) of a street, as a street office writes it by hand
 * (definitions: docs/governance.md#monthly-report). The month is a calendar month in Asia/Shanghai.
 */
export interface MonthlyReport {
  streetId: string;
  streetName: string;
  month: string;
  from: string;
  to: string;
  basics: {
    themes: Array<{ organisationName: string; communityName: string; theme: string }>;
    unitsTakingPart: number;
    unitsPaired: number;
    activities: number;
    staffTakingPart: number;
    residentsTakingPart: number;
    volunteerHours: number;
    appealsFiled: number;
    appealsResolved: number;
  };
  highlights: Array<{ title: string; organisationName: string; communityName: string; heldOn: string; participants: number; theme: string | null }>;
  funds: {
    disbursedFen: number;
    pledgedFen: number;
    byOrganisation: Array<{ organisationName: string; disbursedFen: number; pledgedFen: number }>;
  };
  communities: Array<{ communityName: string; activities: number; participants: number; disbursedFen: number; volunteerHours: number }>;
  assessments: Array<{ compoundName: string; communityName: string; quarter: string; rating: string; scoreHundredths: number }>;
  committeesFiled: Array<{ compoundName: string; communityName: string; filedAt: string; filingNumber: string }>;
  shortfalls: {
    unitsWithoutActivity: Array<{ organisationName: string; communityName: string }>;
    cadresWithoutRecord: Array<{ cadreId: string; pairedUnitName: string; communityName: string }>;
    compoundsRatedFail: Array<{ compoundName: string; communityName: string; quarter: string }>;
  };
}

/** A month `YYYY-MM` and its bounds in Asia/Shanghai (UTC instants). */
export function monthBounds(month: string, field = 'month'): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new ValidationError(field, `${field} must be a month YYYY-MM`);
  const year = Number(match[1]);
  const index = Number(match[2]);
  const next = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

type Db = pg.Pool | pg.ClientBase;

async function rows<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/** Names of organisations, compounds and communities, as their registrations gave them. */
const NAMES = `
  names as (
    select distinct on (kind, subject_id) kind, subject_id, attrs->>'name' as name from gov_fact
     where kind in ('organisation.registered', 'compound.registered', 'community.registered') order by kind, subject_id, at)`;
const name = (kind: string, column: string): string =>
  `coalesce((select n.name from names n where n.kind = '${kind}' and n.subject_id = ${column}), ${column})`;

/**
 * Builds the report from the facts. `communities` are the street's (id → name); facts dated after the month's end
 * are never read, so the report of a past month does not change when later months happen.
 */
export async function buildMonthlyReport(
  db: Db,
  street: { streetId: string; streetName: string; communities: ReadonlyArray<{ communityId: string; name: string }> },
  month: string,
): Promise<MonthlyReport> {
  const { from, to } = monthBounds(month);
  const ids = street.communities.map((c) => c.communityId);
  const p = [ids, from.toISOString(), to.toISOString()];
  const inMonth = `community_id = any($1::text[]) and at >= $2 and at < $3`;
  const inMonthOf = (alias: string): string => `${alias}.community_id = any($1::text[]) and ${alias}.at >= $2 and ${alias}.at < $3`;
  const active = `
    active_pairings as (
      select e.subject_id, e.community_id, e.attrs->>'organisationId' as organisation_id,
             coalesce((select a.amount from gov_fact a where a.kind = 'pairing.pledge_amended' and a.subject_id = e.subject_id and a.at < $3
                        order by a.at desc limit 1), e.amount) as pledged
        from gov_fact e
       where e.kind = 'pairing.established' and e.community_id = any($1::text[]) and e.at < $3
         and not exists (select 1 from gov_fact x where x.kind = 'pairing.ended' and x.subject_id = e.subject_id and x.at < $2))`;

  const themes = await rows<{ organisation_name: string; community_name: string; theme: string }>(
    db,
    `with ${NAMES}
     select distinct on (subject_id) ${name('organisation.registered', "attrs->>'organisationId'")} as organisation_name,
            ${name('community.registered', 'community_id')} as community_name, attrs->>'theme' as theme
       from gov_fact where kind = 'pairing.theme_set' and community_id = any($1::text[]) and attrs->>'month' = $3 and at < $2
      order by subject_id, at desc`,
    [ids, to.toISOString(), month],
  );
  const [basics] = await rows<Record<string, string>>(
    db,
    `with ${active}
     select count(distinct attrs->>'organisationId') filter (where kind = 'pairing.activity') as units_taking_part,
            (select count(distinct organisation_id) from active_pairings) as units_paired,
            count(*) filter (where kind = 'pairing.activity') as activities,
            coalesce(sum((attrs->>'staffCount')::int) filter (where kind = 'pairing.activity'), 0) as staff,
            coalesce(sum((attrs->>'residentCount')::int) filter (where kind = 'pairing.activity'), 0) as residents,
            coalesce(sum(amount) filter (where kind = 'hours.recorded'), 0) as volunteer_minutes,
            count(*) filter (where kind = 'appeal.filed') as appeals_filed,
            count(*) filter (where kind = 'appeal.resolved') as appeals_resolved,
            coalesce(sum(amount) filter (where kind = 'pairing.disbursed'), 0) as disbursed
       from gov_fact where ${inMonth}`,
    p,
  );
  const highlights = await rows<{ title: string; organisation_name: string; community_name: string; at: Date; amount: string; theme: string | null }>(
    db,
    `with ${NAMES}
     select attrs->>'title' as title, ${name('organisation.registered', "attrs->>'organisationId'")} as organisation_name,
            ${name('community.registered', 'community_id')} as community_name, at, amount, attrs->>'theme' as theme
       from gov_fact where kind = 'pairing.activity' and ${inMonth}
      order by amount desc, at, event_id limit 5`,
    p,
  );
  const byOrganisation = await rows<{ organisation_name: string; disbursed: string; pledged: string }>(
    db,
    `with ${NAMES}, ${active},
     orgs as (select organisation_id, sum(pledged) as pledged from active_pairings group by organisation_id),
     paid as (select attrs->>'organisationId' as organisation_id, sum(amount) as disbursed from gov_fact
               where kind = 'pairing.disbursed' and ${inMonth} group by 1)
     select ${name('organisation.registered', 'o.organisation_id')} as organisation_name,
            coalesce(paid.disbursed, 0) as disbursed, o.pledged
       from orgs o left join paid using (organisation_id)
      order by coalesce(paid.disbursed, 0) desc, o.pledged desc, 1`,
    p,
  );
  const communities = await rows<{ community_id: string; activities: string; participants: string; disbursed: string; minutes: string }>(
    db,
    `select c.community_id,
            count(f.*) filter (where f.kind = 'pairing.activity') as activities,
            coalesce(sum(f.amount) filter (where f.kind = 'pairing.activity'), 0) as participants,
            coalesce(sum(f.amount) filter (where f.kind = 'pairing.disbursed'), 0) as disbursed,
            coalesce(sum(f.amount) filter (where f.kind = 'hours.recorded'), 0) as minutes
       from unnest($1::text[]) c(community_id)
       left join gov_fact f on f.community_id = c.community_id and f.at >= $2 and f.at < $3
      group by c.community_id`,
    p,
  );
  const assessments = await rows<{ compound_name: string; community_name: string; quarter: string; rating: string; amount: string }>(
    db,
    `with ${NAMES}
     select ${name('compound.registered', 'g.subject_id')} as compound_name, ${name('community.registered', 'g.community_id')} as community_name,
            g.attrs->>'quarter' as quarter, g.attrs->>'rating' as rating, g.amount
       from gov_fact g where g.kind = 'assessment.concluded' and ${inMonthOf('g')} order by g.amount desc, 1`,
    p,
  );
  const committees = await rows<{ compound_name: string; community_name: string; at: Date; filing_number: string }>(
    db,
    `with ${NAMES}
     select ${name('compound.registered', 'g.subject_id')} as compound_name, ${name('community.registered', 'g.community_id')} as community_name,
            g.at, g.attrs->>'filingNumber' as filing_number
       from gov_fact g where g.kind = 'committee.filed' and ${inMonthOf('g')} order by g.at`,
    p,
  );
  const idle = await rows<{ organisation_name: string; community_name: string }>(
    db,
    `with ${NAMES}, ${active}
     select distinct ${name('organisation.registered', 'a.organisation_id')} as organisation_name,
            ${name('community.registered', 'a.community_id')} as community_name
       from active_pairings a
      where not exists (select 1 from gov_fact f where f.kind = 'pairing.activity' and f.subject_id = a.subject_id and f.at >= $2 and f.at < $3)
      order by 2, 1`,
    p,
  );
  const cadres = await rows<{ cadre_id: string; paired_unit_name: string; community_name: string }>(
    db,
    `with ${NAMES}
     select c.subject_id as cadre_id, ${name('organisation.registered', "c.attrs->>'pairedUnitId'")} as paired_unit_name,
            ${name('community.registered', 'c.community_id')} as community_name
       from gov_fact c
      where c.kind = 'cadre.appointed' and c.community_id = any($1::text[]) and c.at < $3
        and not exists (select 1 from gov_fact r where r.kind = 'cadre.released' and r.subject_id = c.subject_id and r.at < $3)
        and not exists (select 1 from gov_fact f where f.kind = 'pairing.activity' and f.community_id = c.community_id
                         and f.attrs->>'organisationId' = c.attrs->>'pairedUnitId' and f.at >= $2 and f.at < $3)
      order by 3, 2, 1`,
    p,
  );
  const failing = await rows<{ compound_name: string; community_name: string; quarter: string }>(
    db,
    `with ${NAMES},
     latest as (select distinct on (subject_id) subject_id, community_id, attrs from gov_fact
                 where kind = 'assessment.concluded' and community_id = any($1::text[]) and at < $2 order by subject_id, at desc)
     select ${name('compound.registered', 'l.subject_id')} as compound_name, ${name('community.registered', 'l.community_id')} as community_name,
            l.attrs->>'quarter' as quarter
       from latest l where l.attrs->>'rating' = 'fail' order by 2, 1`,
    [ids, to.toISOString()],
  );

  const communityName = new Map(street.communities.map((c) => [c.communityId, c.name]));
  const n = (value: string | undefined): number => Number(value ?? 0);
  const hours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
  return {
    streetId: street.streetId,
    streetName: street.streetName,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    basics: {
      themes: themes.map((t) => ({ organisationName: t.organisation_name, communityName: t.community_name, theme: t.theme })),
      unitsTakingPart: n(basics?.units_taking_part),
      unitsPaired: n(basics?.units_paired),
      activities: n(basics?.activities),
      staffTakingPart: n(basics?.staff),
      residentsTakingPart: n(basics?.residents),
      volunteerHours: hours(n(basics?.volunteer_minutes)),
      appealsFiled: n(basics?.appeals_filed),
      appealsResolved: n(basics?.appeals_resolved),
    },
    highlights: highlights.map((h) => ({
      title: h.title,
      organisationName: h.organisation_name,
      communityName: h.community_name,
      heldOn: new Date(h.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      participants: Number(h.amount),
      theme: h.theme,
    })),
    funds: {
      disbursedFen: n(basics?.disbursed),
      pledgedFen: byOrganisation.reduce((total, o) => total + Number(o.pledged), 0),
      byOrganisation: byOrganisation.map((o) => ({ organisationName: o.organisation_name, disbursedFen: Number(o.disbursed), pledgedFen: Number(o.pledged) })),
    },
    communities: communities.map((c) => ({
      communityName: communityName.get(c.community_id) ?? c.community_id,
      activities: Number(c.activities),
      participants: Number(c.participants),
      disbursedFen: Number(c.disbursed),
      volunteerHours: hours(Number(c.minutes)),
    })),
    assessments: assessments.map((a) => ({
      compoundName: a.compound_name,
      communityName: a.community_name,
      quarter: a.quarter,
      rating: a.rating,
      scoreHundredths: Number(a.amount),
    })),
    committeesFiled: committees.map((c) => ({ compoundName: c.compound_name, communityName: c.community_name, filedAt: c.at.toISOString(), filingNumber: c.filing_number })),
    shortfalls: {
      unitsWithoutActivity: idle.map((u) => ({ organisationName: u.organisation_name, communityName: u.community_name })),
      cadresWithoutRecord: cadres.map((c) => ({ cadreId: c.cadre_id, pairedUnitName: c.paired_unit_name, communityName: c.community_name })),
      compoundsRatedFail: failing.map((f) => ({ compoundName: f.compound_name, communityName: f.community_name, quarter: f.quarter })),
    },
  };
}
