/**
 * Jest global teardown of the integration project: deletes the topics and consumer groups of this run (see
 * `deleteTestTopics` in global-setup.ts), so the broker's data folder does not grow with every run. The work is a
 * function the global setup leaves on `globalThis`: Jest loads these files without its module mapper, so they
 * cannot import each other.
 */
export default async function globalTeardown(): Promise<void> {
  const teardown = (globalThis as { cogovTestTeardown?: () => Promise<string> }).cogovTestTeardown;
  if (teardown) process.stdout.write(`\n${await teardown()}\n`);
}
