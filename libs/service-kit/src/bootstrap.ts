import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureDevKeys } from '@cogov/auth';
import { JsonLogger } from '@cogov/observability';
import type { ServiceConfig } from './config.js';

export interface BootstrapOptions<C extends ServiceConfig> {
  context: string;
  config: C;
  /** The application module, built once the dev keys exist. */
  module: (config: C) => DynamicModule;
  host?: string;
}

/** A service's main.ts: Fastify, JSON logs, graceful shutdown on SIGTERM/SIGINT, listen on `config.port`. */
export async function bootstrapService<C extends ServiceConfig>({ context, config, module, host = '0.0.0.0' }: BootstrapOptions<C>): Promise<NestFastifyApplication> {
  // A fresh clone has no dev keys yet; production points JWT_PUBLIC_KEY_PATH / JWT_JWKS_PATH at real ones.
  if ('jwks' in config.jwt.key && !process.env.JWT_JWKS_PATH) await ensureDevKeys();
  const app = await NestFactory.create<NestFastifyApplication>(module(config), new FastifyAdapter(), {
    logger: new JsonLogger({ service: context }),
  });
  // SIGTERM/SIGINT: Nest runs the shutdown hooks (relay, projections, schedulers, pools) before exiting.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen({ port: config.port, host });
  return app;
}
