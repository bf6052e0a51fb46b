import { defineConfig } from "vitest/config";

// Node-side suites only: Deno tests (supabase/functions, packages/**/*_test.ts) run under `deno test`.
export default defineConfig({
  test: {
    include: ["packages/**/*.test.ts", "tools/**/*.test.ts", "bench/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
  },
});
