import { TaskListError } from "../../src/domain";

/** The TaskListError `parse` throws; fails the test when it throws something else or nothing. */
export function taskListError(parse: () => unknown): TaskListError {
  try {
    parse();
  } catch (e) {
    if (e instanceof TaskListError) return e;
    throw e;
  }
  throw new Error("expected a TaskListError");
}
