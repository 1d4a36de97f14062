// The services `npm start` runs, in start order. Each has its own database, event store, Kafka topic and
// GraphQL subgraph port. Demo data exists for residents so far (the other contexts' demo comes with issue 3).
export const services = [
  {
    name: 'residents',
    port: 4001,
    database: 'cogov_residents',
    main: 'dist/services/residents/src/main.js',
    demo: 'dist/services/residents/src/demo/load-demo.js',
    topics: ['cogov.residents.events'],
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
    topics: [`cogov.${name}.events`],
  })),
];
