import { bootstrapService } from '@cogov/service-kit';
import { AppModule } from './app.module.js';
import { loadConfig } from './infrastructure/config.js';
import { CONTEXT } from './infrastructure/residents-infrastructure.js';

void bootstrapService({ context: CONTEXT, config: loadConfig(), module: (config) => AppModule.forRoot(config) });
