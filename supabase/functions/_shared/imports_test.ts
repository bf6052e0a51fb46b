import assert from "node:assert/strict";

const functionsRoot = new URL("../", import.meta.url);
/** The shared TypeScript packages (packages/classifier), which the functions import by design. */
const packagesRoot = new URL("../../packages/", functionsRoot);

/** The .ts files a deploy bundles: every function's modules and _shared's, tests aside. */
function deployedModules(folder: URL): URL[] {
  const modules: URL[] = [];
  for (const entry of Deno.readDirSync(folder)) {
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), folder);
    if (entry.isDirectory) modules.push(...deployedModules(url));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts")) modules.push(url);
  }
  return modules;
}

Deno.test("deployed modules import only from supabase/functions and the shared packages (no package.json)", () => {
  const outside: string[] = [];
  for (const module of deployedModules(functionsRoot)) {
    const source = Deno.readTextFileSync(module);
    for (
      const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)
    ) {
      const target = new URL(specifier, module).href;
      if (!target.startsWith(functionsRoot.href) && !target.startsWith(packagesRoot.href)) {
        outside.push(`${module.href.slice(functionsRoot.href.length)}: ${specifier}`);
      }
    }
  }
  assert.deepEqual(outside, []);
});
