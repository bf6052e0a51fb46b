import { createDatabase } from "../_shared/db.ts";
import { createReportsHandler } from "./handler.ts";

Deno.serve(createReportsHandler({ sql: createDatabase() }));
