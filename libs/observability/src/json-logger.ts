import type { LoggerService, LogLevel } from '@nestjs/common';
import { redact, redactString } from './redact.js';

const LEVELS: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
/** Nest's `log` is what everyone else calls `info`; log collectors expect the latter. */
const LEVEL_NAME: Record<LogLevel, string> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export interface JsonLoggerOptions {
  service: string;
  /** Lowest level written; `log` unless given. */
  level?: LogLevel;
  /** Where lines go; stdout unless given (tests capture it). */
  write?: (line: string) => void;
}

/**
 * A Nest logger writing one JSON object per line: `{ time, level, service, context, msg, ...fields }`.
 * Every message and field goes through `redact`, so a careless `logger.log({ resident })` cannot leak.
 * Use it from bootstrap: `NestFactory.create(AppModule, adapter, { logger: new JsonLogger({ service }) })`.
 */
export class JsonLogger implements LoggerService {
  private readonly minLevel: number;
  private readonly write: (line: string) => void;

  constructor(private readonly options: JsonLoggerOptions) {
    this.minLevel = LEVELS.indexOf(options.level ?? 'log');
    this.write = options.write ?? ((line) => process.stdout.write(line));
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('log', message, optionalParams);
  }
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('warn', message, optionalParams);
  }
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('debug', message, optionalParams);
  }
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('verbose', message, optionalParams);
  }
  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('fatal', message, optionalParams);
  }
  /** Nest calls `error(message, stack?, context?)`; the stack is kept (redacted) under `stack`. */
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('error', message, optionalParams);
  }

  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (LEVELS.indexOf(level) < this.minLevel) return;
    const rest = [...params];
    // Nest passes the context as the last string argument, and `error` a stack before it (or alone).
    const last = rest.at(-1);
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    let msg: unknown;
    let fields: Record<string, unknown> = {};
    if (message instanceof Error) {
      msg = redactString(message.message);
      fields = { err: redact(message) };
    } else if (message !== null && typeof message === 'object') {
      const { msg: m, message: text, ...other } = redact(message) as Record<string, unknown>;
      msg = m ?? text ?? '';
      fields = other;
    } else {
      msg = typeof message === 'string' ? redactString(message) : String(message);
    }
    const extra: unknown[] = [];
    for (const param of rest) {
      if (typeof param === 'string' && isStack(param)) fields['stack'] = redactString(param);
      else extra.push(redact(param));
    }
    // A field called `level` or `time` must not disguise a line, so the fixed keys cannot be overridden.
    for (const key of RESERVED_KEYS) delete fields[key];
    const entry = {
      time: new Date().toISOString(),
      level: LEVEL_NAME[level],
      service: this.options.service,
      ...(context === undefined ? {} : { context }),
      msg,
      ...fields,
      ...(extra.length === 0 ? {} : { extra }),
    };
    this.write(JSON.stringify(entry) + '\n');
  }
}

const RESERVED_KEYS = ['time', 'level', 'service', 'context', 'msg', 'extra'] as const;
const isStack = (value: string): boolean => /\n\s+at /.test(value);
