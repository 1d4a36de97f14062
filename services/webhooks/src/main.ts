import { bootstrapService } from '@cogov/service-kit';
import { AppModule, CONTEXT } from './app.module.js';
import { loadConfig } from './infrastructure/config.js';

void bootstrapService({ context: CONTEXT, config: loadConfig(), module: (config) => AppModule.forRoot(config) });
