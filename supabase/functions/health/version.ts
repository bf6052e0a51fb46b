/**
 * The Vantage version the health function reports: the version of the root package.json, which a
 * deployed function cannot read (it holds only what supabase/functions imports); version_test.ts
 * keeps the two equal.
 */
export const version = "0.1.0";
