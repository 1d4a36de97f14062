import { closedObject, eventSchema, id, text } from '../json-schema.js';
import { exampleIds as ids } from './examples.js';

const address = closedObject({ compound: text, building: text, unit: text, room: text });

export const householdRegisteredV1 = eventSchema({
  context: 'residents',
  eventType: 'HouseholdRegistered',
  schemaVersion: 1,
  description: 'A household (户) was registered at an address in a grid of the community.',
  properties: { householdId: id, communityId: id, gridId: id, address },
  examples: [
    {
      householdId: ids.household,
      communityId: ids.community,
      gridId: ids.grid,
      address: { compound: '和平里七区', building: '12', unit: '3', room: '402' },
    },
  ],
});
