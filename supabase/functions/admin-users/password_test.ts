import { strict as assert } from "node:assert";
import { temporaryPassword } from "./password.ts";

Deno.test("temporary passwords are four groups of four unambiguous characters, all different", () => {
  const passwords = Array.from({ length: 500 }, temporaryPassword);
  for (const password of passwords) {
    assert.match(password, /^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
    assert.match(password, /[a-z]/);
    assert.match(password, /[A-Z]/);
    assert.match(password, /[0-9]/);
  }
  assert.equal(new Set(passwords).size, passwords.length);
});
