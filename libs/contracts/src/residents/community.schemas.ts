import { encrypted, eventSchema, id, text } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids } from './examples.js';

export const communityRegisteredV1 = eventSchema({
  context: 'residents',
  eventType: 'CommunityRegistered',
  schemaVersion: 1,
  description: 'A community (社区) was registered under its street (街道).',
  properties: { communityId: id, name: text, streetId: id, streetName: text },
  examples: [{ communityId: ids.community, name: '和平里社区', streetId: ids.street, streetName: '和平里街道' }],
});

export const gridDelineatedV1 = eventSchema({
  context: 'residents',
  eventType: 'GridDelineated',
  schemaVersion: 1,
  description: 'A grid (网格) was delineated inside a community.',
  properties: { communityId: id, gridId: id, name: text },
  examples: [{ communityId: ids.community, gridId: ids.grid, name: '第三网格' }],
});

export const gridWorkerAssignedV1 = eventSchema({
  context: 'residents',
  eventType: 'GridWorkerAssigned',
  schemaVersion: 1,
  description: "A grid worker was assigned to a grid. The worker's name is encrypted under the worker's key.",
  properties: { communityId: id, gridId: id, workerId: id, workerName: encrypted },
  examples: [
    { communityId: ids.community, gridId: ids.grid, workerId: ids.worker, workerName: exampleEncrypted(ids.worker) },
  ],
});

