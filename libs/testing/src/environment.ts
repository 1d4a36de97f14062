export {
  LOCAL_DATABASE_URL,
  LOCAL_KAFKA_BROKERS,
  dockerEngineAnswers,
  kafkaAnswers,
  postgresAnswers,
  repoRoot,
  startLocalBroker,
  stopLocalBroker,
} from './global-setup.js';

export function testDatabaseAdminUrl(): string {
  const url = process.env.COGOV_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'No PostgreSQL for tests: the Jest global setup did not run. Run tests with `npm test`, ' +
        'or set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }
  return url;
}

export function testKafkaBrokers(): string[] {
  const brokers = process.env.COGOV_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'No Kafka broker for tests: the Jest global setup did not run. Run tests with `npm test`, ' +
        'or start one with `npm run kafka:start` and set KAFKA_BROKERS=127.0.0.1:9092.',
    );
  }
  return brokers.split(',').map((b) => b.trim());
}
