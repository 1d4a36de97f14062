import type { Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, type CommandActor } from '@cogov/service-kit';

type AggregateState = { readonly status: 'empty' } | { readonly status: string; readonly communityId: string };

/**
 * The jurisdiction check of a command on an existing aggregate: its community is only known from its
 * stream. Runs before anything is encrypted, so a refused command leaves no subject key behind.
 */
export async function assertExistingInJurisdiction<S extends AggregateState>(
  jurisdiction: Jurisdiction,
  actor: CommandActor,
  state: S,
  what: string,
  id: string,
): Promise<Exclude<S, { status: 'empty' }>> {
  if (!('communityId' in state)) throw new NotFoundError(what, id);
  await jurisdiction.assert(actor, { communityId: state.communityId });
  return state as Exclude<S, { status: 'empty' }>;
}

/** The read side's check: a query about a community outside the caller's jurisdiction is refused. */
export async function assertCovers(jurisdiction: Jurisdiction, actor: Actor, communityId: string): Promise<void> {
  if (!(await jurisdiction.covers(actor, { communityId }))) {
    throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
  }
}
