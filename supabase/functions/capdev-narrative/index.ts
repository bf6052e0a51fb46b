import { createDatabase } from "../_shared/db.ts";
import { createNarrativeHandler } from "./handler.ts";

Deno.serve(createNarrativeHandler({ sql: createDatabase() }));
