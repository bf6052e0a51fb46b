import { createDatabase } from "../_shared/db.ts";
import { createClassifyHandler } from "./handler.ts";
import { storageByteReader, storageUrl } from "./storage-reader.ts";
import { cachedWebhookSecret } from "./webhook-secret.ts";

const sql = createDatabase();

Deno.serve(createClassifyHandler({
  sql,
  webhookSecret: cachedWebhookSecret(sql),
  readHead: storageByteReader(storageUrl(), Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? ""),
}));
