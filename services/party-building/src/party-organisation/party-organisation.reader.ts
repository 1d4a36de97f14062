import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { GlobalCheckpoint } from '@cogov/eventsourcing';
import { MASKS, PersonalDataPresenter, ReadModels, ReadYourWrites } from '@cogov/service-kit';
import type { PartyOrganisationType } from './party-organisation.graphql.js';
import { PartyCadreRow, PartyOrganisationRow, PartyServiceCentreRow } from './projections/organisation-roster/organisation-roster.entities.js';

/**
 * An organisation as the API shows it, from the organisation roster: the aggregate's state holds no names
 * (snapshots stay free of personal data), so queries and mutation answers alike read the read model, with
 * one batched decrypt for the secretary's and cadres' names.
 */
@Injectable()
export class PartyOrganisationReader {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** A mutation's answer: the organisation once the roster has the command's checkpoint. */
  async afterWrite(actor: Actor, organisationId: string, checkpoint: GlobalCheckpoint | null, mutation: string): Promise<PartyOrganisationType> {
    await this.readYourWrites.waitFor(['organisation-roster'], checkpoint, mutation);
    const organisation = await this.read(actor, organisationId);
    // Only a roster that has not even projected the establishment within the timeout gets here.
    if (!organisation) throw new Error(`organisation-roster has no party organisation ${organisationId} yet`);
    return organisation;
  }

  /** `authorize` runs on the organisation's community before anything is decrypted. */
  async read(actor: Actor, organisationId: string, authorize?: (communityId: string) => Promise<void>): Promise<PartyOrganisationType | null> {
    const em = this.readModels.em();
    const row = await em.findOne(PartyOrganisationRow, { organisationId });
    if (!row) return null;
    await authorize?.(row.communityId);
    const [cadres, centres] = await Promise.all([
      em.find(PartyCadreRow, { organisationId, releasedAt: null }, { orderBy: { appointedAt: 'asc', cadreId: 'asc' } }),
      em.find(PartyServiceCentreRow, { organisationId }, { orderBy: { openedAt: 'asc', centreId: 'asc' } }),
    ]);
    const place = { communityId: row.communityId };
    const names = await this.personal.present(actor, [
      ...(row.secretaryName ? [{ place, field: row.secretaryName, mask: MASKS.name }] : []),
      ...cadres.map((c) => ({ place, field: c.name, mask: MASKS.name })),
    ]);
    const secretaryName = row.secretaryName ? names.shift()! : null;
    return {
      id: row.organisationId,
      communityId: row.communityId,
      community: { id: row.communityId },
      kind: row.kind,
      name: row.name,
      parentOrganisationId: row.parentOrganisationId,
      hostUnitId: row.hostUnitId,
      establishedAt: row.establishedAt.toISOString(),
      firstSecretary:
        row.secretaryId && secretaryName !== null && row.secretaryAppointedAt
          ? { id: row.secretaryId, name: secretaryName, sendingUnitId: row.sendingUnitId, appointedAt: row.secretaryAppointedAt.toISOString() }
          : null,
      cadres: cadres.map((c, i) => ({ id: c.cadreId, name: names[i]!, pairedUnitId: c.pairedUnitId, appointedAt: c.appointedAt.toISOString() })),
      serviceCentres: centres.map((c) => ({ id: c.centreId, kind: c.kind, name: c.name, address: c.address, openedAt: c.openedAt.toISOString() })),
    };
  }
}
