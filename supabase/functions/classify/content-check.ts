/**
 * Whether a MOV's first bytes agree with what it claims to be. Reasons are written for the
 * barangay, who sees them next to the file.
 */

export type ContentCheck = "valid" | "rejected" | "not_checked";
export type ContentVerdict = { check: ContentCheck; reason: string | null };

/** The first bytes of a stored object, or why they could not be read. */
export type HeadRead = { kind: "bytes"; bytes: Uint8Array } | {
  kind: "unavailable";
  reason: string;
};
export type ByteReader = (path: string) => Promise<HeadRead>;

/** Enough for every signature below (a tar header's "ustar" sits at byte 257). */
export const HEAD_BYTES = 512;

type DocumentType = "pdf" | "jpeg" | "png";

const typeNames: Record<DocumentType, string> = {
  pdf: "a PDF",
  jpeg: "a JPEG image",
  png: "a PNG image",
};

const mimeTypes: Record<string, DocumentType> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/png": "png",
};

const extensions: Record<string, DocumentType> = {
  pdf: "pdf",
  jpg: "jpeg",
  jpeg: "jpeg",
  png: "png",
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const documentSignatures: [DocumentType, number[]][] = [
  ["pdf", ascii("%PDF-")],
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["jpeg", [0xff, 0xd8, 0xff]],
];

const programSignatures: number[][] = [
  ascii("MZ"), // Windows .exe / .dll
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  ascii("#!"), // script
];

const archiveSignatures: number[][] = [
  ascii("PK\u0003\u0004"), // ZIP (also .docx, .xlsx, .apk)
  ascii("PK\u0005\u0006"),
  ascii("Rar!"),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
  ascii("BZh"),
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0xca, 0xfe, 0xba, 0xbe], // Java class / universal Mach-O
];

const isTar = (bytes: Uint8Array) => startsWith(bytes, ascii("ustar"), 257);

export type DeclaredFile = { name: string; mimeType: string };

const rejected = (reason: string): ContentVerdict => ({
  check: "rejected",
  reason,
});

export function judgeContent(
  file: DeclaredFile,
  bytes: Uint8Array,
): ContentVerdict {
  if (bytes.length === 0) {
    return rejected("The file is empty. Upload the document again.");
  }
  if (programSignatures.some((signature) => startsWith(bytes, signature))) {
    return rejected(
      "The file is a program, not a document. Upload a PDF, JPEG or PNG file.",
    );
  }
  if (
    archiveSignatures.some((signature) => startsWith(bytes, signature)) ||
    isTar(bytes)
  ) {
    return rejected(
      "The file is a compressed archive (such as ZIP or RAR). Upload each document itself as a PDF, JPEG or PNG file.",
    );
  }
  const declared = mimeTypes[file.mimeType.toLowerCase()];
  if (!declared) {
    return rejected(
      `Files of type ${file.mimeType} are not accepted. Upload a PDF, JPEG or PNG file.`,
    );
  }
  const extension = file.name.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase() ??
    "";
  const named = extensions[extension];
  if (named !== declared) {
    return rejected(
      `The file name ends in .${extension || "(nothing)"} but the file was sent as ${
        typeNames[declared]
      }. Rename it or save it in the right format, then upload it again.`,
    );
  }
  const actual = documentSignatures.find(([, signature]) => startsWith(bytes, signature))?.[0];
  if (actual !== declared) {
    return rejected(
      actual
        ? `The file is named as ${typeNames[declared]} but its content is ${
          typeNames[actual]
        }. Save it in the right format and upload it again.`
        : `The file is named as ${typeNames[declared]} but its content is not ${
          typeNames[declared]
        }; it may be damaged. Save or scan it again and upload it.`,
    );
  }
  return { check: "valid", reason: null };
}

const NOT_CHECKED_REASON =
  "The file's content could not be checked because the storage service did not answer. A reviewer will look at the file.";

/**
 * Reads the head through a reader and judges it. Where storage cannot be read the MOV is "not
 * checked" (never "valid"); `detail` says why, for the logs.
 */
export async function checkContent(
  file: DeclaredFile & { path: string },
  read: ByteReader,
): Promise<ContentVerdict & { detail?: string }> {
  const head = await read(file.path).catch((error): HeadRead => ({
    kind: "unavailable",
    reason: error instanceof Error ? error.message : String(error),
  }));
  if (head.kind === "unavailable") {
    return {
      check: "not_checked",
      reason: NOT_CHECKED_REASON,
      detail: head.reason,
    };
  }
  return judgeContent(file, head.bytes);
}
