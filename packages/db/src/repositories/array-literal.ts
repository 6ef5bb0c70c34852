/** Text PostgreSQL reads as itself unquoted in an array literal (and not the NULL keyword). */
const BARE = /^[\w.:+-]+$/;

/**
 * A PostgreSQL array literal ('{a,"b c",NULL}') for one parameter: drizzle would expand a
 * JS array into a list of parameters, and 100,000 rows bound as arrays and unnested in
 * the select list (one ProjectSet, no per-row JSON) are the cheapest bulk write every
 * driver (node-postgres, Neon, PGlite) can send. Text that is not plainly bare (commas,
 * quotes, backslashes, spaces, braces, empty, "NULL") is quoted, so any text survives;
 * null and undefined become NULL; numbers and booleans are written as JavaScript prints them.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v !== 'string') out += String(v);
    else if (BARE.test(v) && v.toUpperCase() !== 'NULL') out += v;
    else out += `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}
