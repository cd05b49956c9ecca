/** Helpers for tests written against the host. */

/** The shape of an OfficeExtension.Error as the genuine client builds it. */
export interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo: { code?: string; errorLocation?: string; statement?: string; surroundingStatements?: string[] };
}

/**
 * The error a batch failed with. Errors come from the client's own realm (a vm context or a
 * page), so `instanceof Error` and jest's `toThrow` do not apply; assert on `code` instead.
 */
export async function officeError(batch: Promise<unknown>): Promise<OfficeErrorLike> {
  let value: unknown;
  try {
    value = await batch;
  } catch (e) {
    const err = e as Partial<OfficeErrorLike> | null;
    if (!err || typeof err.code !== "string") throw e;
    return { code: err.code, message: String(err.message), debugInfo: err.debugInfo ?? {} };
  }
  throw new Error(`expected the batch to fail, it returned ${JSON.stringify(value)}`);
}
