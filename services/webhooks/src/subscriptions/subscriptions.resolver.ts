import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequireRoles, type Actor } from '@cogov/auth';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveryCountsType,
  WebhookDeliveryPageType,
  WebhookDeliveryStatus,
  WebhookDeliveryType,
  WebhookSubscriptionSecretType,
  WebhookSubscriptionStatus,
  WebhookSubscriptionType,
} from './subscriptions.graphql.js';
import { SUBSCRIBABLE_TYPES, Subscriptions, type AttemptRow, type DeliveryRow, type SubscriptionRow } from './subscriptions.js';

const toSubscription = (row: SubscriptionRow): WebhookSubscriptionType => ({
  id: row.id,
  organisationId: row.organisation_id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types,
  communityIds: row.community_ids,
  status: row.status as WebhookSubscriptionStatus,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

function toDelivery(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDeliveryType {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    communityId: row.community_id,
    occurredAt: row.occurred_at.toISOString(),
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    history: attempts
      .filter((attempt) => attempt.delivery_id === row.id)
      .map((attempt) => ({ try: attempt.try, at: attempt.at.toISOString(), durationMs: attempt.duration_ms, statusCode: attempt.status_code, error: attempt.error })),
  };
}

/**
 * Webhook subscriptions of an organisation, managed by its admin (`organisation_admin` holding the organisation in
 * the token's `organisationIds`; docs/webhooks.md). The mutations are opened to that role explicitly: the guard
 * refuses it every other mutation of the suite.
 */
@Resolver(() => WebhookSubscriptionType)
@RequireRoles('organisation_admin')
export class SubscriptionsResolver {
  constructor(@Inject(Subscriptions) private readonly subscriptions: Subscriptions) {}

  @Query(() => [String], { description: 'The public CloudEvents types a subscription may name (docs/events.md).' })
  webhookEventTypes(): string[] {
    return [...SUBSCRIBABLE_TYPES].sort();
  }

  @Query(() => [WebhookSubscriptionType], { description: "An organisation's webhook subscriptions (deleted ones left out)." })
  async webhookSubscriptions(@Args('organisationId', { type: () => ID }) organisationId: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionType[]> {
    return (await this.subscriptions.list(actor, organisationId)).map(toSubscription);
  }

  @Query(() => WebhookSubscriptionType)
  async webhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionType> {
    return toSubscription(await this.subscriptions.get(actor, id));
  }

  @Query(() => WebhookDeliveryPageType, { description: "A subscription's delivery log, newest first, each with its tries." })
  async webhookDeliveries(
    @Args('subscriptionId', { type: () => ID }) subscriptionId: string,
    @Args('status', { type: () => WebhookDeliveryStatus, nullable: true }) status: WebhookDeliveryStatus | null,
    @Args('eventType', { type: () => String, nullable: true }) eventType: string | null,
    @Args('since', { type: () => String, nullable: true, description: 'Events that happened at or after (RFC 3339, or a date in Asia/Shanghai).' }) since: string | null,
    @Args('until', { type: () => String, nullable: true, description: 'Events that happened before.' }) until: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryPageType> {
    const { rows, hasNextPage } = await this.subscriptions.deliveries(actor, subscriptionId, { status, eventType, since, until, first, after });
    const attempts = await this.subscriptions.attempts(rows.map((row) => row.id));
    return { deliveries: rows.map((row) => toDelivery(row, attempts)), hasNextPage, endCursor: rows.at(-1)?.id ?? null };
  }

  @ResolveField(() => WebhookDeliveryCountsType)
  deliveryCounts(@Parent() subscription: WebhookSubscriptionType): Promise<WebhookDeliveryCountsType> {
    return this.subscriptions.deliveryCounts(subscription.id);
  }

  @Mutation(() => WebhookSubscriptionSecretType, { description: 'Subscribes an organisation; the answer holds the signing secret, shown only this once.' })
  async createWebhookSubscription(
    @Args('input', { type: () => CreateWebhookSubscriptionInput }) input: CreateWebhookSubscriptionInput,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionSecretType> {
    const { subscription, secret } = await this.subscriptions.create(actor, input.organisationId, input);
    return { subscription: toSubscription(subscription), secret };
  }

  @Mutation(() => WebhookSubscriptionType)
  async updateWebhookSubscription(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateWebhookSubscriptionInput }) input: UpdateWebhookSubscriptionInput,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionType> {
    return toSubscription(await this.subscriptions.update(actor, id, input));
  }

  @Mutation(() => WebhookSubscriptionType, { description: 'Stops sending; events keep queueing in order until it is resumed.' })
  async pauseWebhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionType> {
    return toSubscription(await this.subscriptions.setStatus(actor, id, 'paused'));
  }

  @Mutation(() => WebhookSubscriptionType)
  async resumeWebhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionType> {
    return toSubscription(await this.subscriptions.setStatus(actor, id, 'active'));
  }

  @Mutation(() => WebhookSubscriptionType, { description: 'Queues nothing more; what was waiting is dead-lettered. Its delivery log stays readable.' })
  async deleteWebhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionType> {
    return toSubscription(await this.subscriptions.delete(actor, id));
  }

  @Mutation(() => WebhookSubscriptionSecretType, { description: 'A new signing secret; the old one keeps signing too for overlapHours (default 24, 0–168).' })
  async rotateWebhookSecret(
    @Args('id', { type: () => ID }) id: string,
    @Args('overlapHours', { type: () => Int, defaultValue: 24 }) overlapHours: number,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionSecretType> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(actor, id, overlapHours);
    return { subscription: toSubscription(subscription), secret };
  }

  @Mutation(() => WebhookDeliveryType, { description: 'Sends one delivery again (a dead letter, or one the receiver lost).' })
  async redeliverWebhookDelivery(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookDeliveryType> {
    const row = await this.subscriptions.redeliver(actor, id);
    return toDelivery(row, await this.subscriptions.attempts([row.id]));
  }

  @Mutation(() => Int, { description: "Sends every dead letter of a subscription again, in their streams' order; answers how many." })
  redeliverDeadWebhookDeliveries(@Args('subscriptionId', { type: () => ID }) subscriptionId: string, @CurrentActor() actor: Actor): Promise<number> {
    return this.subscriptions.redeliverDead(actor, subscriptionId);
  }

  @Mutation(() => Int, {
    description: 'Sends again, in order, every stored event the subscription matches that happened at or after `from` (RFC 3339, or a date in Asia/Shanghai); answers how many were queued.',
  })
  replayWebhookSubscription(
    @Args('subscriptionId', { type: () => ID }) subscriptionId: string,
    @Args('from', { type: () => String }) from: string,
    @CurrentActor() actor: Actor,
  ): Promise<number> {
    return this.subscriptions.replay(actor, subscriptionId, from);
  }
}
