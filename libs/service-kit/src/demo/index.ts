export {
  DAY_MS,
  DEMO_COMMUNITIES,
  DEMO_PAIRING_VOLUNTEERS,
  DEMO_PROPERTY_COMPANIES,
  DEMO_STATIONED_UNITS,
  DEMO_STREET,
  HOUR_MS,
  MAIN_DEMO_COMMUNITY,
  demoCreditCode,
  demoHouseholdId,
  demoId,
  demoPairingVolunteerIds,
  demoPropertyPartyBranchId,
  demoResidentId,
  demoVolunteerId,
  demoVolunteerTeamId,
  shanghaiDate,
  type DemoCommunity,
  type DemoOrganisation,
  type DemoStationedUnit,
} from './demo-world.js';
export * from './fake-people.js';
export { DEMO_ACTOR, describeDemoRun, loadedHistoryEnd, runDemoPlan, type DemoLoadOptions, type DemoPhase, type DemoRunOptions, type DemoRunSummary, type DemoScript, type DemoStep } from './demo-runner.js';
export { runDemoCli } from './demo-cli.js';
