import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule, ServiceInfrastructureModule } from '@cogov/service-kit';
import { WebhookDispatcher } from './delivery/dispatcher.js';
import { CONTEXT, type WebhooksConfig } from './infrastructure/config.js';
import { WebhookIntake } from './intake/webhook-intake.workflow.js';
import { Subscriptions } from './subscriptions/subscriptions.js';
import { SubscriptionsResolver } from './subscriptions/subscriptions.resolver.js';

export { CONTEXT };

/**
 * Webhooks for partners without Kafka (docs/webhooks.md, ADR 0010): no events of its own. The kit gives it the
 * pool, the intake of the public topics (a workflow that runs no command), GraphQL with the JWT guard, /health and
 * /metrics; the dispatcher sends.
 */
@Module({})
export class AppModule {
  static forRoot(config: WebhooksConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ServiceInfrastructureModule.forRoot({ context: CONTEXT, config, projections: [], workflows: [WebhookIntake] }),
        ServiceApiModule.forRoot({ context: CONTEXT, config }),
      ],
      providers: [Subscriptions, SubscriptionsResolver, WebhookDispatcher],
    };
  }
}
