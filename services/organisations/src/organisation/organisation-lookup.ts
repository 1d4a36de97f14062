import type { AggregateStore } from '@cogov/eventsourcing';
import { NotFoundError } from '@cogov/domain';
import { organisationDecider } from './organisation.decide.js';
import { organisationStreamId } from './organisation.events.js';

/**
 * The cross-aggregate fact pairings and facilities leave to the shell: the organisation exists. Read from its
 * stream, never from the directory, which may not yet hold an organisation registered a moment ago.
 */
export async function requireOrganisation(aggregates: AggregateStore, organisationId: string): Promise<void> {
  const { state } = await aggregates.load(organisationStreamId(organisationId), organisationDecider);
  if (state.status !== 'registered') throw new NotFoundError('organisation', organisationId);
}
