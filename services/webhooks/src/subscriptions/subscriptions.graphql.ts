import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum WebhookSubscriptionStatus {
  ACTIVE = 'active',
  PAUSED = 'paused',
  DELETED = 'deleted',
}
registerEnumType(WebhookSubscriptionStatus, {
  name: 'WebhookSubscriptionStatus',
  description: 'ACTIVE sends; PAUSED queues in order and sends nothing until resumed; DELETED queues nothing more.',
});

export enum WebhookDeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  DEAD = 'dead',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: not yet delivered (queued, in flight, or waiting out a backoff); DELIVERED: a 2xx answer; DEAD: every attempt failed (re-deliverable).',
});

@ObjectType('WebhookDeliveryCounts')
export class WebhookDeliveryCountsType {
  @Field(() => Int) pending!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) dead!: number;
}

@ObjectType('WebhookSubscription', { description: "An organisation's subscription to public events, delivered as signed HTTP POSTs." })
export class WebhookSubscriptionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => String, { description: 'Where the events are POSTed (https).' }) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [String], { description: 'Public CloudEvents types, e.g. cn.cogov.public.residents.appeal-filed.v1.' }) eventTypes!: string[];
  @Field(() => [ID]) communityIds!: string[];
  @Field(() => WebhookSubscriptionStatus) status!: WebhookSubscriptionStatus;
  @Field(() => String, { description: 'Who created it (token subject).' }) createdBy!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  @Field(() => WebhookDeliveryCountsType, { description: 'Its deliveries by status.' }) deliveryCounts?: WebhookDeliveryCountsType;
}

@ObjectType('WebhookSubscriptionSecret', { description: 'A subscription with its signing secret — shown only here, once: store it.' })
export class WebhookSubscriptionSecretType {
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field(() => String, { description: 'whsec_…: the HMAC-SHA256 key (base64 after the prefix), as Standard Webhooks has it.' }) secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One try of a delivery.' })
export class WebhookAttemptType {
  @Field(() => Int, { description: '1 for the first try, counted over redeliveries too.' }) try!: number;
  @Field(() => String) at!: string;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when there was no answer." }) statusCode!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event for one subscription, and what became of it.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'The delivery id (the cogov-delivery-id header).' }) id!: string;
  @Field(() => ID, { description: 'The event id (the webhook-id header; receivers dedupe on it).' }) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => String) streamId!: string;
  @Field(() => Int) streamVersion!: number;
  @Field(() => ID) communityId!: string;
  @Field(() => String, { description: 'When the event happened (UTC).' }) occurredAt!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Failed or successful tries since it was last (re)queued.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'When it is tried next, while PENDING (null while the subscription is paused).' }) nextAttemptAt!: string | null;
  @Field(() => String, { nullable: true }) deliveredAt!: string | null;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => [WebhookAttemptType], { description: 'Every try, oldest first.' }) history!: WebhookAttemptType[];
}

@ObjectType('WebhookDeliveryPage')
export class WebhookDeliveryPageType {
  @Field(() => [WebhookDeliveryType], { description: 'Newest first.' }) deliveries!: WebhookDeliveryType[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
}

@InputType('CreateWebhookSubscriptionInput')
export class CreateWebhookSubscriptionInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: 'Public CloudEvents types (webhookEventTypes lists them).' }) eventTypes!: string[];
  @Field(() => [ID]) communityIds!: string[];
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType('UpdateWebhookSubscriptionInput', { description: 'Only the fields given change.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [String], { nullable: true }) eventTypes?: string[] | null;
  @Field(() => [ID], { nullable: true }) communityIds?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}
