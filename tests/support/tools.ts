import { existsSync } from "fs";

/**
 * Whether an external tool a test needs is here. Under CI a missing tool is a failure
 * (CI installs it); on a developer machine the test is skipped with a loud message.
 */
export function toolAvailable(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${name} is required under CI but ${path} is missing (see .ci/run).`);
  console.warn(`\n**********\n* SKIPPED: ${name} not found at ${path}; install it to run this test.\n**********\n`);
  return false;
}
