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
