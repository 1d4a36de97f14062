// The services `npm start` runs, in start order. Each has its own database, event store, Kafka topic and
// GraphQL subgraph port, and a demo loader `npm start` runs once every service is healthy, in `demoOrder`.
// The gateway comes last (it routes to the seven subgraphs): no database, no topic, no demo.
export const services = [
  {
    name: 'residents',
    port: 4001,
    database: 'cogov_residents',
    main: 'dist/services/residents/src/main.js',
    demo: 'dist/services/residents/src/demo/load-demo.js',
    topics: ['cogov.residents.events', 'cogov.residents.public.v1'],
  },
  ...[
    ['organisations', 4002, 'cogov_organisations'],
    ['volunteers', 4003, 'cogov_volunteers'],
    ['property', 4004, 'cogov_property'],
    ['party-building', 4005, 'cogov_party_building'],
  ].map(([name, port, database]) => ({
    name,
    port,
    database,
    main: `dist/services/${name}/src/main.js`,
    demo: `dist/services/${name}/src/demo/load-demo.js`,
    topics: [`cogov.${name}.events`, `cogov.${name}.public.v1`],
  })),
  // The governance view: reads every context's topic, writes none (no demo loader: it learns the demo from Kafka).
  { name: 'governance', port: 4006, database: 'cogov_governance', main: 'dist/services/governance/src/main.js', topics: [] },
  // Webhooks for partners without Kafka: reads the public topics, POSTs signed events to subscribers (docs/webhooks.md).
  // `npm start` lets it deliver to http and localhost, so the example receiver works on this machine.
  {
    name: 'webhooks',
    port: 4007,
    database: 'cogov_webhooks',
    main: 'dist/services/webhooks/src/main.js',
    topics: [],
    env: { WEBHOOK_ALLOW_INSECURE_TARGETS: 'true' },
  },
  { name: 'gateway', port: 4000, main: 'dist/services/gateway/src/main.js', topics: [] },
];

// Demo loaders in dependency order of the workflows between them (docs/workflows.md): volunteers first (the
// pairing activities' volunteers must exist when workflow 4 reads the activities), property before residents
// (the appeals the residents demo leaves open at a dispatch reach the compounds' contracts and the volunteer
// teams through workflows 1 and 2). Every service's ids for the demo street are derived, not looked up, so no
// loader reads another's data.
export const demoOrder = ['volunteers', 'organisations', 'property', 'party-building', 'residents'];
