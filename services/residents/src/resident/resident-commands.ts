import { Inject, Injectable } from '@nestjs/common';
import { PersonalDataVault, isEncryptedField, type EncryptedField, type RecordedEvent } from '@cogov/eventsourcing';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, type CommandContext, type CommandExecutor, Jurisdiction, type Written } from '@cogov/service-kit';
import { residentDecider, type ResidentCommand } from './resident.decide.js';
import { revealResidentEvent, residentStreamId, type ResidentEvent } from './resident.events.js';
import type { ResidentState } from './resident.state.js';

/** A fresh IV per encryption makes (iv, ciphertext) unique to one stored tag. */
const ciphertextKey = (field: EncryptedField): string => `${field.iv}:${field.ct}`;

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
  ): Promise<Written<ResidentState>> {
    return this.executor.execute({
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
        const plain = await this.vault.decryptMany(tags);
        // Keyed by the ciphertext, which identifies a tag whatever object carries it.
        const clear = new Map(tags.map((tag, i) => [ciphertextKey(tag), plain[i] ?? null]));
        return (event: RecordedEvent) => {
          const tag = (event.data as { tag?: unknown }).tag;
          return revealResidentEvent(event as unknown as ResidentEvent, isEncryptedField(tag) ? (clear.get(ciphertextKey(tag)) ?? null) : null);
        };
      },
    });
  }
}
