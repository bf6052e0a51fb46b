import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse, parsePlPgSQL } from "libpg-query";

/**
 * What a migration may not do because `postgres` on a hosted Supabase project is not a superuser
 * and is no member of the platform's reserved roles: found in the statements as Postgres's own
 * parser reads them (libpg-query), including those inside `do` blocks and function bodies, so that
 * `update profiles set role = ...` is never mistaken for `set role`.
 */

/** Roles the platform keeps to itself (supautils' reserved roles). */
export function isReservedRole(role: string): boolean {
  return role.startsWith("supabase_") ||
    ["authenticator", "pgbouncer", "dashboard_user"].includes(role);
}

export type Violation = { file: string; line: number; statement: string; why: string };

type Node = Record<string, unknown>;

const reasons = {
  alterRole:
    "`alter role` changes a role, which the platform manages: on a hosted project postgres " +
    "is not a superuser and may not alter the reserved roles; put a setting on the function that " +
    "needs it (`alter function ... set ...`) instead",
  alterDatabase:
    "`alter database` is the platform's: on a hosted project its settings are managed " +
    "by Supabase; put the setting on the function that needs it (`alter function ... set ...`)",
  eventTrigger:
    "`create event trigger` needs a superuser, which postgres is not on a hosted project",
  owner: (role: string) =>
    `a change of owner to ${role} needs membership in that reserved role, which postgres does not ` +
    "have on a hosted project: leave the object owned by postgres",
  setRole: (role: string) =>
    `\`set role ${role}\` needs membership in that reserved role, which postgres does not have on ` +
    "a hosted project: grant the privileges the code needs instead",
  grantRole: (role: string) =>
    `granting the reserved role ${role} needs admin rights on it, which postgres does not have on ` +
    "a hosted project",
};

function roleName(spec: unknown): string | undefined {
  return (spec as { rolename?: string } | undefined)?.rolename;
}

function constantText(node: unknown): string | undefined {
  const constant = (node as { A_Const?: { sval?: { sval?: string } } } | undefined)?.A_Const;
  return constant?.sval?.sval;
}

/** Why this one parse node is refused, if it is. */
function refusal(type: string, node: Node): string | undefined {
  switch (type) {
    case "AlterRoleStmt":
    case "AlterRoleSetStmt":
      return reasons.alterRole;
    case "AlterDatabaseStmt":
    case "AlterDatabaseSetStmt":
    case "AlterDatabaseRefreshCollStmt":
      return reasons.alterDatabase;
    case "CreateEventTrigStmt":
      return reasons.eventTrigger;
    case "AlterOwnerStmt":
    case "AlterTableCmd": {
      if (type === "AlterTableCmd" && node.subtype !== "AT_ChangeOwner") return undefined;
      const owner = roleName(node.newowner);
      return owner && isReservedRole(owner) ? reasons.owner(owner) : undefined;
    }
    case "VariableSetStmt": {
      if (node.name !== "role" && node.name !== "session_authorization") return undefined;
      const role = constantText((node.args as unknown[] | undefined)?.[0]);
      return role && isReservedRole(role) ? reasons.setRole(role) : undefined;
    }
    case "GrantRoleStmt": {
      if (node.is_grant === false) return undefined;
      const granted = ((node.granted_roles as Node[] | undefined) ?? [])
        .map((role) => (role.AccessPriv as { priv_name?: string } | undefined)?.priv_name)
        .find((role) => role !== undefined && isReservedRole(role));
      return granted ? reasons.grantRole(granted) : undefined;
    }
    default:
      return undefined;
  }
}

/** Every refusal in a parse tree, however deep (e.g. a `begin atomic` body). */
function refusalsIn(tree: unknown, found: string[] = []): string[] {
  if (Array.isArray(tree)) {
    for (const item of tree) refusalsIn(item, found);
  } else if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree as Node)) {
      const why = value && typeof value === "object" && !Array.isArray(value)
        ? refusal(key, value as Node)
        : undefined;
      if (why) found.push(why);
      refusalsIn(value, found);
    }
  }
  return found;
}

/** The SQL statements a PL/pgSQL body runs (static ones: `execute` of a string is not SQL yet). */
function plpgsqlStatements(tree: unknown, found: string[] = []): string[] {
  if (Array.isArray(tree)) {
    for (const item of tree) plpgsqlStatements(item, found);
  } else if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree as Node)) {
      if (key === "PLpgSQL_stmt_execsql") {
        const query = ((value as Node).sqlstmt as { PLpgSQL_expr?: { query?: string } })
          ?.PLpgSQL_expr?.query;
        if (query) found.push(query);
      } else {
        plpgsqlStatements(value, found);
      }
    }
  }
  return found;
}

function functionLanguage(statement: Node): string | undefined {
  const options = (statement.options ?? statement.args) as Node[] | undefined;
  for (const option of options ?? []) {
    const element = option.DefElem as { defname?: string; arg?: { String?: { sval?: string } } };
    if (element?.defname === "language") return element.arg?.String?.sval;
  }
  return undefined;
}

function functionBody(statement: Node): string | undefined {
  for (const option of (statement.options as Node[] | undefined) ?? []) {
    const element = option.DefElem as { defname?: string; arg?: { List?: { items?: Node[] } } };
    if (element?.defname === "as") {
      return (element.arg?.List?.items?.[0]?.String as { sval?: string } | undefined)?.sval;
    }
  }
  return undefined;
}

/** Where a statement starts: past the blank lines and comments before it. */
const leadingComments = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

type Found = { offset: number; text: string; why: string };

/** Refusals in a piece of SQL, the bodies of its `do` blocks and functions included. */
async function refusalsInSql(sql: string): Promise<Found[]> {
  const found: Found[] = [];
  const { stmts } = await parse(sql) as {
    stmts: { stmt: Node; stmt_location?: number; stmt_len?: number }[];
  };
  // The parser's locations count UTF-8 bytes.
  const bytes = new TextEncoder().encode(sql);
  const decode = (start: number, end?: number) =>
    new TextDecoder().decode(bytes.subarray(start, end));
  for (const { stmt, stmt_location: location = 0, stmt_len: length } of stmts) {
    const raw = decode(location, length ? location + length : undefined);
    const leading = raw.match(leadingComments)?.[0] ?? "";
    const offset = decode(0, location).length + leading.length;
    const text = raw.slice(leading.length).trim();
    const [[type, statement]] = Object.entries(stmt) as [string, Node][];
    for (const why of refusalsIn(stmt)) found.push({ offset, text, why });

    const language = type === "DoStmt"
      ? (functionLanguage(statement) ?? "plpgsql")
      : type === "CreateFunctionStmt"
      ? functionLanguage(statement)
      : undefined;
    let inner: string[] = [];
    if (language === "plpgsql") {
      inner = plpgsqlStatements(await parsePlPgSQL(text));
    } else if (language === "sql" && type === "CreateFunctionStmt") {
      const body = functionBody(statement);
      inner = body ? [body] : [];
    }
    for (const query of inner) {
      for (const { why } of await refusalsInSql(query)) found.push({ offset, text, why });
    }
  }
  return found;
}

/** What in this SQL file a non-superuser `postgres` could not run on a hosted project. */
export async function hostedPostgresViolations(file: string, sql: string): Promise<Violation[]> {
  return (await refusalsInSql(sql)).map(({ offset, text, why }) => ({
    file,
    line: sql.slice(0, offset).split("\n").length,
    statement: text.split("\n")[0],
    why,
  }));
}

/** The violations of every migration in `folder` (supabase/migrations), in file order. */
export async function checkMigrations(folder: string): Promise<Violation[]> {
  const files = (await readdir(folder)).filter((name) => name.endsWith(".sql")).sort();
  const violations: Violation[] = [];
  for (const name of files) {
    const sql = await readFile(path.join(folder, name), "utf8");
    violations.push(...await hostedPostgresViolations(name, sql));
  }
  return violations;
}
