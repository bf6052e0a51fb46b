import { createDatabase } from "../_shared/db.ts";
import { authAdmin } from "./accounts.ts";
import { createAdminUsersHandler } from "./handler.ts";

const supabaseUrl = Deno.env.get("SUPABASE_URL");
const serviceRoleKey = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY");
if (!supabaseUrl || !serviceRoleKey) {
  throw new Error("SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY must be set");
}

Deno.serve(
  createAdminUsersHandler({ sql: createDatabase(), auth: authAdmin(supabaseUrl, serviceRoleKey) }),
);
