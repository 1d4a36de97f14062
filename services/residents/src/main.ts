import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureDevKeys } from '@cogov/auth';
import { JsonLogger } from '@cogov/observability';
import { AppModule } from './app.module.js';
import { loadConfig } from './infrastructure/config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // A fresh clone has no dev keys yet; production points JWT_PUBLIC_KEY_PATH / JWT_JWKS_PATH at real ones.
  if ('jwks' in config.jwt.key && !process.env.JWT_JWKS_PATH) await ensureDevKeys();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    logger: new JsonLogger({ service: 'residents' }),
  });
  // SIGTERM/SIGINT: Nest runs the shutdown hooks (relay, projections, scheduler, pools) before exiting.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen({ port: config.port, host: '0.0.0.0' });
}

void bootstrap();
