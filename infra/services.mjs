// The services `npm start` runs, in start order. Each has its own database and GraphQL subgraph port.
export const services = [
  {
    name: 'residents',
    port: 4001,
    database: 'cogov_residents',
    main: 'dist/services/residents/src/main.js',
    demo: 'dist/services/residents/src/demo/load-demo.js',
    topics: ['cogov.residents.events'],
  },
];
