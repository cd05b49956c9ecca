/** Loads every emulated type into the registry. */
import "./range-api";
import "./format-api";
import "./validation-api";
import "./conditional-format-api";
import "./worksheet-api";
import "./names-api";
import "./charts-api";
import "./tables-api";
import "./workbook-extras-api";

export { NULL_OBJECT, typeOf, lowerFirst } from "./registry";
export type { ApiObject, ExecContext } from "./registry";
