import { Inject, Injectable } from '@nestjs/common';
import { PersonalDataVault, isEncryptedField, type RecordedEvent } from '@cogov/eventsourcing';
import type { CommandContext, CommandExecutor } from '../infrastructure/command-executor.js';
import { Jurisdiction } from '../infrastructure/jurisdiction.js';
import { COMMAND_EXECUTOR } from '../infrastructure/residents-infrastructure.module.js';
import type { CommandMetadata } from '../shared/domain-errors.js';
import { residentDecider, type ResidentCommand } from './resident.decide.js';
import { revealResidentEvent, residentStreamId, type ResidentEvent } from './resident.events.js';
import type { ResidentState } from './resident.state.js';

/**
 * Runs a resident command. The resident decider folds tag events with their plaintext (it must know which
 * tags are present), so the stored tags are decrypted in one batch before the fold.
 */
@Injectable()
export class ResidentCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async run(
    residentId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => ResidentCommand,
    newResidentPlace?: { communityId: string; gridId: string },
  ): Promise<ResidentState> {
    const { state } = await this.executor.execute({
      streamId: residentStreamId(residentId),
      decider: residentDecider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') {
          await this.jurisdiction.assert(context.actor, {
            communityId: current.communityId,
            gridId: current.status === 'residing' ? current.gridId : null,
          });
        } else if (newResidentPlace) {
          await this.jurisdiction.assert(context.actor, newResidentPlace);
        }
      },
      reveal: async (events) => {
        const tags = events.map((e) => (e.data as { tag?: unknown }).tag).filter(isEncryptedField);
        const clear = new Map(tags.map((tag, i) => [tag, i]));
        const plain = await this.vault.decryptMany(tags);
        return (event: RecordedEvent) => {
          const tag = (event.data as { tag?: unknown }).tag;
          const index = isEncryptedField(tag) ? clear.get(tag) : undefined;
          return revealResidentEvent(event as unknown as ResidentEvent, index === undefined ? null : (plain[index] ?? null));
        };
      },
    });
    return state;
  }
}
