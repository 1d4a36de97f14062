import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Observable, tap } from 'rxjs';
import { Metrics } from './metrics.js';

/**
 * Times every GraphQL root field into `cogov_request_duration_seconds` (protocol `graphql`). HTTP requests
 * are timed by a Fastify hook instead (see request-metrics.hook.ts): interceptors run after guards, so
 * requests refused by the auth guard would never be counted here. Nested field resolvers are not timed:
 * they are part of their root field, and per-field series would multiply cardinality by the schema size.
 */
@Injectable()
export class GraphQLMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    if (info.path.prev !== undefined) return next.handle();
    const end = this.metrics.startRequestTimer('graphql', `${info.parentType.name}.${info.fieldName}`);
    return next.handle().pipe(tap({ next: () => end('ok'), error: () => end('error') }));
  }
}
