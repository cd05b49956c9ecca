/** Minimal flag parser: --name value, --name=value, --flag; everything else is positional. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h") {
      flags.help = true;
    } else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      let value: string | true;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (booleanFlags.includes(name) || i + 1 >= argv.length || argv[i + 1].startsWith("--")) value = true;
      else value = argv[++i];
      // A repeated option collects its values, one per line (--unit A --unit B).
      const previous = flags[name];
      flags[name] = typeof previous === "string" && typeof value === "string" ? `${previous}\n${value}` : value;
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function stringFlag(flags: ParsedArgs["flags"], name: string): string | undefined {
  const v = flags[name];
  if (v === true) throw new UsageError(`选项 --${name} 需要一个值 / --${name} needs a value`);
  return v;
}

/** What each command accepts; anything else is a mistake the user must hear about. */
export interface CommandSpec {
  options: readonly string[];
  booleans?: readonly string[];
  /** Positional arguments after the command name. */
  minArgs: number;
  maxArgs: number;
}

export const COMMAND_SPECS: Readonly<Record<string, CommandSpec>> = {
  build: { options: ["tasks", "out", "password", "tracker-id", "sheet", "vocabulary", "period", "deadline", "contact"], minArgs: 0, maxArgs: 0 },
  export: { options: ["unit", "out", "password", "period"], booleans: ["all"], minArgs: 1, maxArgs: 1 },
  merge: { options: ["out", "password", "accept-full-tracker"], minArgs: 2, maxArgs: Infinity },
  archive: { options: ["period", "out", "password", "today"], minArgs: 1, maxArgs: 1 },
  report: { options: ["today", "date", "docx"], minArgs: 1, maxArgs: 1 },
  contacts: { options: ["out", "password"], minArgs: 1, maxArgs: 3 },
  "mail drafts": { options: ["out", "unit", "template", "from", "deadline", "sign", "period", "today", "password"], minArgs: 1, maxArgs: 1 },
  "mail remind": { options: ["out", "unit", "template", "from", "deadline", "sign", "period", "today", "password"], minArgs: 1, maxArgs: 1 },
  "mail send": { options: ["pause", "unit", "from", "smtp-host", "smtp-port", "smtp-tls", "smtp-user", "smtp-ca"], booleans: ["dry-run"], minArgs: 1, maxArgs: 1 },
  "mail collect": { options: ["imap-host", "imap-port", "imap-tls", "imap-user", "imap-ca", "mailbox", "since", "save", "out", "password"], booleans: ["mark-seen"], minArgs: 1, maxArgs: 1 },
};

/**
 * Refuses an option the command does not know (a mistyped --pasword would otherwise
 * build an unprotected tracker without a word) and stray arguments, with the usage.
 */
export function checkUsage(command: string, args: ParsedArgs, usage: string): void {
  const spec = COMMAND_SPECS[command];
  const known = new Set([...spec.options, ...(spec.booleans ?? []), "help"]);
  const unknown = Object.keys(args.flags).filter((f) => !known.has(f));
  if (unknown.length > 0) {
    const close = unknown.map((u) => [...known].find((k) => editDistance(k, u) <= 2)).filter(Boolean);
    const hint = close.length > 0 ? `（是不是 --${close[0]}？）` : "";
    throw new UsageError(`${command} 不认识选项 ${unknown.map((u) => `--${u}`).join("、")}${hint}/ unknown option.\n用法 / usage:\n${usage}`);
  }
  for (const b of spec.booleans ?? []) {
    if (args.flags[b] !== undefined && args.flags[b] !== true) throw new UsageError(`选项 --${b} 不带值 / --${b} takes no value.\n用法 / usage:\n${usage}`);
  }
  const n = args.positional.length;
  if (n > spec.maxArgs) {
    throw new UsageError(`多余的参数“${args.positional[spec.maxArgs]}”/ unexpected argument.\n用法 / usage:\n${usage}`);
  }
  if (n < spec.minArgs) throw new UsageError(`缺少参数 / missing argument.\n用法 / usage:\n${usage}`);
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}
