// `npm run stop`: stops the local Kafka broker that `npm start` started (services stop with Ctrl+C).
import { spawnSync } from 'node:child_process';
import { repoRoot } from './swc.config.mjs';

const result = spawnSync('bash', ['infra/kafka/kafka.sh', 'stop'], { cwd: repoRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
