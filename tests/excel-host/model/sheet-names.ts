/** Excel's rules for worksheet names, enforced on add and on rename. */
import { HostError, invalidArgument } from "./errors";

export function checkSheetName(name: unknown): string {
  if (typeof name !== "string") throw invalidArgument("sheet name must be a string");
  if (name.length < 1 || name.length > 31) throw invalidArgument(`sheet name length ${name.length} outside 1-31`);
  if (/[:\\/?*[\]]/.test(name)) throw invalidArgument(`sheet name contains one of : \\ / ? * [ ]: ${name}`);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument("sheet name starts or ends with an apostrophe");
  if (name.toLowerCase() === "history") throw invalidArgument('"History" is reserved by Excel');
  return name;
}

/** Key under which names compare equal, as Excel compares them: ignoring case. */
export const sheetNameKey = (name: string): string => name.toUpperCase();

export function duplicateSheetName(name: string): HostError {
  return new HostError(
    "ItemAlreadyExists",
    `A resource with the same name or identifier already exists. (sheet "${name}")`,
  );
}
