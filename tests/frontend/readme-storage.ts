// The README's MOV file example ("MOV files: uploads, refusals, deletions"), type-checked by
// `npm run lint`; readme.test.ts keeps the README's copy identical, and supabase/tests/040-storage
// proves the rules it relies on (every refusal 403 with "VA00x: ...", an unseen file deleted as []).
// What a real frontend gets from its own state:
declare const SUPABASE_URL: string;
declare const SUPABASE_ANON_KEY: string;
declare const assessmentId: string;
declare const slotKey: string;
declare const file: File;
declare function showError(text: string): void;

// #region readme
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../supabase/database.types.ts";

const supabase = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY);
const movs = supabase.storage.from("movs");

// Every refusal by the database is HTTP 403 with a message "VA00x: what happened. What to do.":
// show the text after the code, and map the code (public.error_codes) where the app must react.
function refusal(error: { message: string } | null): { code: string; text: string } | undefined {
  const match = error?.message.match(/^(VA\d{3}): ([\s\S]*)$/);
  return match ? { code: match[1], text: match[2] } : undefined;
}

const safeName = file.name.replace(/[^A-Za-z0-9._-]+/g, "_");
const path = `${assessmentId}/1.1.1/${slotKey}/${crypto.randomUUID()}-${safeName}`;

// A standard upload. Refused e.g. with "VA001: MOVs for 1.1.1 cannot be changed now: ..." when
// the area was submitted, even while the bytes were on their way.
const { error: uploadError } = await movs.upload(path, file, { contentType: file.type });
if (uploadError) showError(refusal(uploadError)?.text ?? uploadError.message);

// A signed upload URL for a large scan: the permission is checked when it is signed, and again
// when the bytes arrive (a refusal then is the same 403).
const { data: signed, error: signError } = await movs.createSignedUploadUrl(path);
if (signed) {
  const { error } = await movs.uploadToSignedUrl(signed.path, signed.token, file, {
    contentType: file.type,
  });
  if (error) showError(refusal(error)?.text ?? error.message);
} else if (signError) showError(refusal(signError)?.text ?? signError.message);

// Delete. A file the user can see but may not delete is refused (403, "VA009: Only whoever
// uploaded a MOV may delete it. ..."); a file the user cannot see, or that is gone, deletes
// nothing without an error: data is then [].
const { data: removed, error: removeError } = await movs.remove([path]);
if (removeError) showError(refusal(removeError)?.text ?? removeError.message);
else if (removed.length === 0) showError("This file is not there any more.");
// #endregion readme
