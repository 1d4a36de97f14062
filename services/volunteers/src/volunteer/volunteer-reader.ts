import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import type { EncryptedField } from '@cogov/eventsourcing';
import { ForbiddenError, Jurisdiction, MASKS, PersonalDataPresenter, ReadModels } from '@cogov/service-kit';
import { TeamMemberRow, TeamRow, VolunteerRow } from './projections/volunteer-roster/volunteer-roster.entities.js';
import type { TeamType, VolunteerType } from './volunteer.graphql.js';

/**
 * Volunteers and teams as GraphQL answers, from the roster: the caller's jurisdiction is checked, and the
 * personal fields are decrypted in one batch and masked for roles that may not see them in clear.
 */
@Injectable()
export class VolunteerReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
  ) {}

  async volunteer(actor: Actor, volunteerId: string): Promise<VolunteerType> {
    const row = await this.readModels.em().findOne(VolunteerRow, { volunteerId });
    if (!row) throw new NotFoundError('volunteer', volunteerId);
    await this.assertCovers(actor, row.communityId);
    const [volunteer] = await this.present(actor, [row]);
    return volunteer!;
  }

  async ofCommunity(actor: Actor, communityId: string, limit: number, offset: number): Promise<VolunteerType[]> {
    await this.assertCovers(actor, communityId);
    const rows = await this.readModels
      .em()
      .find(VolunteerRow, { communityId }, { orderBy: { registeredAt: 'asc', volunteerId: 'asc' }, limit, offset });
    return this.present(actor, rows);
  }

  async team(actor: Actor, teamId: string): Promise<TeamType> {
    const em = this.readModels.em();
    const row = await em.findOne(TeamRow, { teamId });
    if (!row) throw new NotFoundError('volunteer team', teamId);
    await this.assertCovers(actor, row.communityId);
    const members = await em.find(TeamMemberRow, { teamId }, { orderBy: { joinedAt: 'asc', volunteerId: 'asc' } });
    return {
      id: row.teamId,
      communityId: row.communityId,
      name: row.name,
      category: row.category,
      status: row.status,
      formedAt: row.formedAt.toISOString(),
      memberIds: members.map((m) => m.volunteerId),
    };
  }

  async assertCovers(actor: Actor, communityId: string): Promise<void> {
    if (!(await this.jurisdiction.covers(actor, { communityId }))) {
      throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
    }
  }

  private async present(actor: Actor, rows: VolunteerRow[]): Promise<VolunteerType[]> {
    if (rows.length === 0) return [];
    const memberships = await this.readModels
      .em()
      .find(TeamMemberRow, { volunteerId: { $in: rows.map((r) => r.volunteerId) } }, { orderBy: { joinedAt: 'asc', teamId: 'asc' } });
    // Only the fields a volunteer has are decrypted: a party member's volunteer may have none (null).
    const requests = rows.flatMap((row, i) => {
      const place = { communityId: row.communityId };
      return [
        { at: i * 3, place, field: row.name, mask: MASKS.name },
        { at: i * 3 + 1, place, field: row.phone, mask: MASKS.phone },
        { at: i * 3 + 2, place, field: row.idNumber, mask: MASKS.idNumber },
      ].filter((request): request is typeof request & { field: EncryptedField } => request.field !== null);
    });
    const presented = await this.personal.present(actor, requests);
    const values: (string | null)[] = Array.from({ length: rows.length * 3 }, () => null);
    requests.forEach((request, j) => void (values[request.at] = presented[j]!));
    return rows.map((row, i) => ({
      id: row.volunteerId,
      communityId: row.communityId,
      status: row.status,
      suspendedAt: row.suspendedAt ? row.suspendedAt.toISOString() : null,
      linkedTo: { kind: row.linkedKind, id: row.linkedId },
      skills: row.skills,
      teamIds: memberships.filter((m) => m.volunteerId === row.volunteerId).map((m) => m.teamId),
      trainings: row.trainings.map(({ trainingId, ...training }) => ({ id: trainingId, ...training })),
      registeredAt: row.registeredAt.toISOString(),
      name: values[i * 3] ?? null,
      phone: values[i * 3 + 1] ?? null,
      idNumber: values[i * 3 + 2] ?? null,
    }));
  }
}
