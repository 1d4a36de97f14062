import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { kafkaLogCreator, type MessagingLogger } from './logger.js';

/**
 * How a relay or consumer reaches Kafka. Kept as plain options (not a kafkajs instance) so kafkajs stays
 * behind this library's port and can be swapped (machine notes: kafkajs is in maintenance mode).
 */
export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  ssl?: KafkaConfig['ssl'];
  sasl?: KafkaConfig['sasl'];
  /** kafkajs log level forwarded to the logger (default ERROR). */
  logLevel?: logLevel;
}

export function createKafka(options: KafkaConnectionOptions, logger: MessagingLogger): Kafka {
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    ssl: options.ssl,
    sasl: options.sasl,
    // Short per-call retries: the relay and the consumer run their own, logged, unbounded retry loops
    // around kafkajs, so a dead broker surfaces within seconds instead of after kafkajs's ~30 s default.
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    logLevel: options.logLevel ?? logLevel.ERROR,
    logCreator: kafkaLogCreator(logger, options.logLevel ?? logLevel.ERROR),
  });
}
