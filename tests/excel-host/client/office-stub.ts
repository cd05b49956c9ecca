/**
 * A stand-in for the parts of `Office` add-in code consults: `Office.context.requirements
 * .isSetSupported` answers from a requirement matrix such as `{ ExcelApi: "1.7" }`, exactly as
 * the real office.js answers from the host's GetSupportedMatrix.
 */

export type RequirementMatrix = Readonly<Record<string, string>>;

/** Every set supported: what the Excel client assumes when office.js itself is not loaded. */
export const ALL_SETS = "all-sets";

export type Requirements = RequirementMatrix | typeof ALL_SETS;

/** Current Excel (desktop 365 / web) for this client version. */
export const DEFAULT_MATRIX: RequirementMatrix = Object.freeze({ ExcelApi: "1.17" });

function parts(v: string | number): number[] {
  return String(v)
    .split(".")
    .map((p) => Number.parseInt(p, 10) || 0);
}

/** Sets absent from the matrix are unsupported; versions compare part by part (1.10 > 1.9). */
export function isSetSupported(matrix: Requirements, name: string, minVersion?: string | number): boolean {
  if (matrix === ALL_SETS) return true;
  const have = Object.entries(matrix).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (have === undefined) return false;
  if (minVersion === undefined || minVersion === null || minVersion === "") return true;
  const a = parts(have);
  const b = parts(minVersion);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export interface FakeOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    host: string;
    platform: string;
    diagnostics: { host: string; platform: string; version: string };
  };
  HostType: { Excel: string };
  PlatformType: { PC: string; OfficeOnline: string; Mac: string };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export function createFakeOffice(matrix: Requirements = DEFAULT_MATRIX, platform = "PC"): FakeOffice {
  const info = { host: "Excel", platform };
  return {
    context: {
      requirements: { isSetSupported: (name, minVersion) => isSetSupported(matrix, name, minVersion) },
      host: "Excel",
      platform,
      diagnostics: { host: "Excel", platform, version: "16.0.0000.0000" },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    onReady: (callback) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
}
