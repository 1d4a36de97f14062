import { randomUUID } from 'node:crypto';
import type { Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import type { CommandContext } from './command-executor.js';

/**
 * Automation (the escalation scheduler, the demo loader) acts as a system actor: it is trusted code in
 * this service, so it skips the jurisdiction check a token-bearing caller goes through.
 */
export interface SystemActor {
  subject: `system:${string}`;
  system: true;
}

export type CommandActor = Actor | SystemActor;

export const isSystemActor = (actor: CommandActor): actor is SystemActor => 'system' in actor && actor.system === true;

export const systemActor = (component: string): SystemActor => ({ subject: `system:${component}`, system: true });

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-correlation-id` when it is a sane token, else a fresh one (never echo arbitrary input). */
export function correlationIdFrom(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.['x-correlation-id'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

/**
 * A GraphQL request's command context: the command is the first link of its causal chain, so its
 * causation id is the command's own id.
 */
export function requestCommandContext(actor: Actor, correlationId: string): CommandContext {
  return { actor, correlationId, causationId: uuidv7(), occurredAt: new Date().toISOString() };
}
