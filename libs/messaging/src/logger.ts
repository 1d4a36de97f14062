import { logLevel, type logCreator } from 'kafkajs';

/**
 * The logging port of the messaging library. NestJS's `Logger` fits it, so a service passes its own;
 * the library never decides where logs go.
 */
export interface MessagingLogger {
  log(message: string, context?: object): void;
  warn(message: string, context?: object): void;
  error(message: string, context?: object): void;
  debug?(message: string, context?: object): void;
}

export const silentLogger: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export const consoleLogger: MessagingLogger = {
  log: (message, context) => console.log(message, context ?? ''),
  warn: (message, context) => console.warn(message, context ?? ''),
  error: (message, context) => console.error(message, context ?? ''),
};

/**
 * Routes kafkajs's own logs into a MessagingLogger, errors only: kafkajs logs every reconnect attempt
 * and rebalance at INFO/WARN, which drowns the relay's one clear line ("broker unavailable …") while the
 * broker is down. The relay and the consumer report what matters themselves.
 */
export function kafkaLogCreator(logger: MessagingLogger, level: logLevel = logLevel.ERROR): logCreator {
  return () =>
    ({ namespace, level: entryLevel, log }) => {
      if (entryLevel > level || entryLevel === logLevel.NOTHING) return;
      const { message, timestamp: _timestamp, ...extra } = log;
      const line = `kafkajs ${namespace}: ${message}`;
      if (entryLevel === logLevel.ERROR) logger.error(line, extra);
      else if (entryLevel === logLevel.WARN) logger.warn(line, extra);
      else logger.debug?.(line, extra);
    };
}
