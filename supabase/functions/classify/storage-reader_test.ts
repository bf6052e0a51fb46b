import assert from "node:assert/strict";
import { storageByteReader, storageUrl } from "./storage-reader.ts";

const KEY = "service-role-key";

/** A server that answers as the Storage API does (bucket, signed URL, ranged GET), or as a plain gateway. */
function fakeSupabase(withStorage: boolean) {
  const seen: {
    method: string;
    path: string;
    range: string | null;
    authorization: string | null;
  }[] = [];
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
  }, (request) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname,
      range: request.headers.get("range"),
      authorization: request.headers.get("authorization"),
    });
    if (!withStorage) {
      return Response.json({
        code: "NOT_FOUND",
        message: "Requested function was not found",
      }, { status: 404 });
    }
    if (url.pathname === "/storage/v1/bucket/movs") {
      return Response.json({ id: "movs", name: "movs" });
    }
    if (
      request.method === "POST" &&
      url.pathname.startsWith("/storage/v1/object/sign/movs/")
    ) {
      return Response.json({
        signedURL: `${url.pathname.replace("/storage/v1", "")}?token=t`,
      });
    }
    if (
      request.method === "GET" &&
      url.pathname.startsWith("/storage/v1/object/sign/movs/")
    ) {
      return new Response(new TextEncoder().encode("%PDF-1.7 and the rest"), {
        status: 206,
      });
    }
    return Response.json({
      statusCode: "404",
      error: "not_found",
      message: "Object not found",
    }, { status: 404 });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    seen,
    stop: () => server.shutdown(),
  };
}

Deno.test("reads a MOV's first bytes through a signed URL with a Range header", async () => {
  const supabase = fakeSupabase(true);
  try {
    const head = await storageByteReader(supabase.url, KEY)(
      "a/1.1.1/slot/x-budget.pdf",
    );
    assert.equal(head.kind, "bytes");
    assert.equal(
      new TextDecoder().decode(head.kind === "bytes" ? head.bytes : undefined),
      "%PDF-1.7 and the rest",
    );
    const read = supabase.seen.find((request) =>
      request.method === "GET" && request.path.includes("/object/sign/")
    );
    assert.equal(read?.range, "bytes=0-511");
    const sign = supabase.seen.find((request) => request.method === "POST");
    assert.equal(sign?.authorization, `Bearer ${KEY}`);
  } finally {
    await supabase.stop();
  }
});

Deno.test("without a Storage API every read is unavailable, found out with one request", async () => {
  const gateway = fakeSupabase(false);
  try {
    const read = storageByteReader(gateway.url, KEY);
    for (const path of ["a/b/c/x-one.pdf", "a/b/c/x-two.pdf"]) {
      const head = await read(path);
      assert.equal(head.kind, "unavailable");
    }
    assert.equal(gateway.seen.length, 1);
  } finally {
    await gateway.stop();
  }
});

Deno.test("reads from VANTAGE_STORAGE_URL when it is set, else from SUPABASE_URL", async () => {
  const storage = fakeSupabase(true);
  const gateway = fakeSupabase(false);
  try {
    const env = new Map([["SUPABASE_URL", gateway.url], ["VANTAGE_STORAGE_URL", storage.url]]);
    assert.equal(storageUrl(env), storage.url);
    const head = await storageByteReader(storageUrl(env), KEY)("a/1.1.1/slot/x-budget.pdf");
    assert.equal(head.kind, "bytes");
    assert.equal(gateway.seen.length, 0);
    assert.equal(storageUrl(new Map([["SUPABASE_URL", gateway.url]])), gateway.url);
    assert.equal(
      storageUrl(new Map([["SUPABASE_URL", gateway.url], ["VANTAGE_STORAGE_URL", ""]])),
      gateway.url,
    );
  } finally {
    await Promise.all([storage.stop(), gateway.stop()]);
  }
});
