import assert from "node:assert/strict";
import { checkContent, judgeContent } from "./content-check.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => typeof part === "string" ? [...new TextEncoder().encode(part)] : part),
  );

const PDF = bytes("%PDF-1.4\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");

Deno.test("documents whose content matches their name and type are valid", () => {
  assert.deepEqual(
    judgeContent({ name: "budget.pdf", mimeType: "application/pdf" }, PDF),
    { check: "valid", reason: null },
  );
  assert.equal(
    judgeContent({ name: "photo.PNG", mimeType: "image/png" }, PNG).check,
    "valid",
  );
  assert.equal(
    judgeContent({ name: "scan.jpeg", mimeType: "image/jpeg" }, JPEG).check,
    "valid",
  );
  assert.equal(
    judgeContent({ name: "scan.jpg", mimeType: "image/jpeg" }, JPEG).check,
    "valid",
  );
});

Deno.test("empty files, programs and archives are rejected with a plain reason", () => {
  const pdf = { name: "budget.pdf", mimeType: "application/pdf" };
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(), /empty/],
    [bytes("MZ", [0x90, 0]), /program/],
    [bytes([0x7f], "ELF"), /program/],
    [bytes("#!/bin/sh"), /program/],
    [bytes("PK", [3, 4]), /compressed archive/],
    [bytes("Rar!", [0x1a, 0x07]), /compressed archive/],
    [bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), /compressed archive/],
    [bytes([0x1f, 0x8b, 8]), /compressed archive/],
    [bytes(new Array(257).fill(0), "ustar"), /compressed archive/],
  ];
  for (const [head, reason] of cases) {
    const verdict = judgeContent(pdf, head);
    assert.equal(verdict.check, "rejected");
    assert.match(verdict.reason!, reason);
  }
});

Deno.test("content, extension and MIME type must agree", () => {
  const verdict = (name: string, mimeType: string, head: Uint8Array) =>
    judgeContent({ name, mimeType }, head);
  assert.match(
    verdict("budget.pdf", "application/pdf", PNG).reason!,
    /named as a PDF but its content is a PNG image/,
  );
  assert.match(
    verdict("budget.pdf", "application/pdf", bytes("hello")).reason!,
    /not a PDF; it may be damaged/,
  );
  assert.match(
    verdict("photo.png", "application/pdf", PDF).reason!,
    /ends in \.png but the file was sent as a PDF/,
  );
  assert.match(verdict("photo.jpg", "image/png", PNG).reason!, /ends in \.jpg/);
  assert.match(
    verdict("notes.docx", "application/msword", bytes("abc")).reason!,
    /application\/msword are not accepted/,
  );
});

Deno.test("unreadable storage means not checked, never valid", async () => {
  const file = {
    name: "budget.pdf",
    mimeType: "application/pdf",
    path: "a/b/c/x-budget.pdf",
  };
  const unavailable = await checkContent(
    file,
    () => Promise.resolve({ kind: "unavailable", reason: "no Storage API" }),
  );
  assert.equal(unavailable.check, "not_checked");
  assert.equal(unavailable.detail, "no Storage API");
  assert.match(unavailable.reason!, /could not be checked/);
  const failing = await checkContent(
    file,
    () => Promise.reject(new Error("connection refused")),
  );
  assert.equal(failing.check, "not_checked");
  assert.equal(failing.detail, "connection refused");
  const read = await checkContent(file, (path) => {
    assert.equal(path, file.path);
    return Promise.resolve({ kind: "bytes", bytes: PDF });
  });
  assert.equal(read.check, "valid");
});
