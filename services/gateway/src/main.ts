import { ensureDevKeys } from '@cogov/auth';
import { JsonLogger } from '@cogov/observability';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';

const logger = new JsonLogger({ service: 'gateway' });
const config = loadGatewayConfig();
// A fresh clone has no dev keys yet; production points JWT_PUBLIC_KEY_PATH / JWT_JWKS_PATH at real ones.
if (!process.env.JWT_PUBLIC_KEY_PATH && !process.env.JWT_JWKS_PATH) await ensureDevKeys();
const { app } = await createGateway(config, logger);
await app.listen({ port: config.port, host: config.host });
logger.log(`gateway listening on ${config.host}:${config.port}; subgraphs ${JSON.stringify(config.subgraphUrls)}`, 'bootstrap');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`, 'bootstrap');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
