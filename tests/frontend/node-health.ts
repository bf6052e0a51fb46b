// The README's Node.js example ("In Node.js 20"), run by readme.test.ts under the Node version
// the README names, against the test stack's functions server.
const SUPABASE_URL = process.env.SUPABASE_URL ?? "";
const SUPABASE_ANON_KEY = process.env.SUPABASE_ANON_KEY ?? "";

// #region readme
import { createClient, type WebSocketLikeConstructor } from "@supabase/supabase-js";
import ws from "ws";
import type { Database } from "../../supabase/database.types.ts";

// Node.js 20 has no native WebSocket: supabase-js takes the ws package for Realtime (whose type
// declarations differ from the DOM's WebSocket that supabase-js describes, hence the cast).
const supabase = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
  realtime: { transport: ws as unknown as WebSocketLikeConstructor },
});
const { data, error } = await supabase.functions.invoke("health", { method: "GET" });
// #endregion readme

export const health = { data, error };
