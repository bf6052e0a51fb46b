import { createDatabase } from "../_shared/db.ts";
import { withRequestLog } from "../_shared/log.ts";
import { createHealthHandler, latestMigration } from "./handler.ts";
import { version } from "./version.ts";

const sql = createDatabase();

Deno.serve(withRequestLog(
  "health",
  createHealthHandler({
    latestMigration: () => latestMigration(sql),
    version,
  }),
));
