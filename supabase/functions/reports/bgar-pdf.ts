import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { describeShortfall } from "../../../packages/classifier/src/describe.ts";
import type { AgendaRow, Bgar, BgarLeaf, GapRow } from "./queries.ts";

/**
 * The Barangay Governance Assessment Report as a PDF (pdf-lib), laid out as DILG's Governance
 * Assessment Report: the letterhead and title, one table per governance area (CGA 1-3, EGA 1-3)
 * with a row per indicator and sub-indicator and a coloured RESULT column (met green, considered
 * yellow, unmet red) closed by the area's OVERALL RESULT, the summary of core and essential areas
 * with the 3+1 result, the capacity-development agenda, the BBI ratings, the gap analysis, and who
 * validated and approved. Every
 * figure comes from the official result; the summary and the area tables read the same rows.
 */

type Colour = ReturnType<typeof rgb>;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 48, right: 48, top: 46, bottom: 54 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const RESULT_WIDTH = 120;

const COLOUR = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.35, 0.35, 0.35),
  rule: rgb(0.45, 0.45, 0.45),
  areaHeader: rgb(0.2, 0.4, 0.2),
  columnHeader: rgb(0.87, 0.92, 0.85),
  indicator: rgb(0.85, 0.85, 0.85),
  met: rgb(0.66, 0.84, 0.56),
  considered: rgb(1, 0.9, 0.35),
  unmet: rgb(0.93, 0.33, 0.31),
  none: rgb(1, 1, 1),
  profiling: rgb(0.93, 0.93, 0.93),
  overall: rgb(1, 0.95, 0.55),
};

const RESULT_LABEL: Record<BgarLeaf["result"], string> = {
  met: "Met",
  considered: "Considered",
  unmet: "Unmet",
  no_decision: "No decision",
  profiling: "Profiling only",
};

const RESULT_COLOUR: Record<BgarLeaf["result"], Colour> = {
  met: COLOUR.met,
  considered: COLOUR.considered,
  unmet: COLOUR.unmet,
  no_decision: COLOUR.unmet,
  profiling: COLOUR.profiling,
};

const RATING_LABEL: Record<string, string> = {
  highly_functional: "Highly functional",
  moderately_functional: "Moderately functional",
  low_functional: "Low functional",
  non_functional: "Non-functional",
};

const CHANGE_LABEL: Record<GapRow["change"], string> = {
  fixed: "fixed",
  kept: "as first submitted",
  still_unmet: "changed",
  unmet: "unchanged",
  pending: "pending",
};

const manilaDate = new Intl.DateTimeFormat("en-PH", {
  timeZone: "Asia/Manila",
  year: "numeric",
  month: "long",
  day: "numeric",
});
const manilaDateTime = new Intl.DateTimeFormat("en-PH", {
  timeZone: "Asia/Manila",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export const formatDate = (date: Date | null) => date ? manilaDate.format(date) : "-";

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

type Cell = {
  text: string;
  width: number;
  font?: keyof Fonts;
  size?: number;
  fill?: Colour;
  colour?: Colour;
  align?: "left" | "center";
  /** A smaller second paragraph under the text (a reason or remark). */
  note?: string;
};

/** Lays out text top to bottom over as many A4 pages as it takes. */
class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly characters: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly runningHead: string,
  ) {
    this.characters = new Set(fonts.regular.getCharacterSet());
    this.newPage();
  }

  /** Text the standard fonts can show: what WinAnsi lacks is spelled out or replaced. */
  clean(text: string): string {
    return [...text.replaceAll("≥", ">=").replaceAll("≤", "<=").replaceAll("₱", "PHP ")]
      .map((ch) => this.characters.has(ch.codePointAt(0)!) || ch === "\n" ? ch : "?")
      .join("");
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
    if (this.pages.length > 1) {
      this.text(this.runningHead, { font: "italic", size: 7.5, colour: COLOUR.muted });
      this.gap(8);
    }
  }

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(height: number) {
    this.y -= height;
  }

  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A paragraph across the content width (or centred). */
  text(
    text: string,
    options: {
      font?: keyof Fonts;
      size?: number;
      colour?: Colour;
      align?: "left" | "center";
      indent?: number;
    } = {},
  ) {
    const { font = "regular", size = 9, colour = COLOUR.text, align = "left", indent = 0 } =
      options;
    const pdfFont = this.fonts[font];
    for (const line of this.wrap(text, pdfFont, size, CONTENT_WIDTH - indent)) {
      this.ensure(size * 1.3);
      const width = pdfFont.widthOfTextAtSize(line, size);
      const x = align === "center"
        ? MARGIN.left + (CONTENT_WIDTH - width) / 2
        : MARGIN.left + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font: pdfFont, color: colour });
      this.y -= size * 1.3;
    }
  }

  /** One table row of bordered cells, as tall as its tallest cell; never split across pages. */
  row(cells: Cell[], minHeight = 0) {
    const padding = 3;
    const laid = cells.map((cell) => {
      const size = cell.size ?? 8.5;
      const font = this.fonts[cell.font ?? "regular"];
      const lines = this.wrap(cell.text, font, size, cell.width - 2 * padding);
      const noteSize = size - 1.5;
      const noteLines = cell.note
        ? this.wrap(cell.note, this.fonts.italic, noteSize, cell.width - 2 * padding - 6)
        : [];
      const height = lines.length * size * 1.25 + noteLines.length * noteSize * 1.25 +
        2 * padding;
      return { cell, size, font, lines, noteSize, noteLines, height };
    });
    const height = Math.max(minHeight, ...laid.map((l) => l.height));
    this.ensure(height);
    let x = MARGIN.left;
    for (const { cell, size, font, lines, noteSize, noteLines } of laid) {
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width: cell.width,
        height,
        color: cell.fill ?? COLOUR.none,
        borderColor: COLOUR.rule,
        borderWidth: 0.5,
      });
      let textY = this.y - padding - size;
      for (const line of lines) {
        const width = font.widthOfTextAtSize(line, size);
        const textX = cell.align === "center" ? x + (cell.width - width) / 2 : x + padding;
        this.page.drawText(line, {
          x: textX,
          y: textY,
          size,
          font,
          color: cell.colour ?? COLOUR.text,
        });
        textY -= size * 1.25;
      }
      for (const line of noteLines) {
        this.page.drawText(line, {
          x: x + padding + 6,
          y: textY + (size - noteSize),
          size: noteSize,
          font: this.fonts.italic,
          color: COLOUR.muted,
        });
        textY -= noteSize * 1.25;
      }
      x += cell.width;
    }
    this.y -= height;
  }

  /** A horizontal line for a signature, with the name and position under it. */
  signature(x: number, width: number, name: string, position: string) {
    this.page.drawLine({
      start: { x, y: this.y },
      end: { x: x + width, y: this.y },
      thickness: 0.6,
      color: COLOUR.text,
    });
    const bold = this.fonts.bold;
    const cleanName = this.clean(name);
    this.page.drawText(cleanName, {
      x: x + (width - bold.widthOfTextAtSize(cleanName, 9)) / 2,
      y: this.y - 11,
      size: 9,
      font: bold,
      color: COLOUR.text,
    });
    const cleanPosition = this.clean(position);
    this.page.drawText(cleanPosition, {
      x: x + (width - this.fonts.regular.widthOfTextAtSize(cleanPosition, 8)) / 2,
      y: this.y - 21,
      size: 8,
      font: this.fonts.regular,
      color: COLOUR.muted,
    });
  }

  footer(text: string) {
    const size = 7;
    this.pages.forEach((page, index) => {
      const line = this.clean(`${text}   Page ${index + 1} of ${this.pages.length}`);
      page.drawLine({
        start: { x: MARGIN.left, y: MARGIN.bottom - 14 },
        end: { x: A4.width - MARGIN.right, y: MARGIN.bottom - 14 },
        thickness: 0.4,
        color: COLOUR.rule,
      });
      page.drawText(line, {
        x: MARGIN.left,
        y: MARGIN.bottom - 24,
        size,
        font: this.fonts.regular,
        color: COLOUR.muted,
      });
    });
  }
}

const areaHeading = (leaf: BgarLeaf) =>
  `${leaf.area_kind === "core" ? "CGA" : "EGA"} ${
    leaf.area_kind === "core" ? leaf.area_code : leaf.area_code - 3
  }: ${leaf.area_name.toUpperCase()}`;

const verdict = (passes: boolean) => passes ? "PASSED" : "FAILED";

function leafNote(leaf: BgarLeaf): string | undefined {
  const parts = [
    leaf.reason && !["met", "considered"].includes(leaf.result) ? `Reason: ${leaf.reason}` : null,
    leaf.shortfalls.length && leaf.result !== "met"
      ? `Short of: ${leaf.shortfalls.map((shortfall) => describeShortfall(shortfall)).join("; ")}`
      : null,
    leaf.remarks ? `Remarks: ${leaf.remarks}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("\n") : undefined;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

function areaTables(layout: Layout, leaves: readonly BgarLeaf[]) {
  const left = CONTENT_WIDTH - RESULT_WIDTH;
  for (const areaLeaves of groupBy(leaves, (leaf) => leaf.area_code).values()) {
    const first = areaLeaves[0];
    layout.ensure(120);
    layout.row([{
      text: areaHeading(first),
      width: CONTENT_WIDTH,
      font: "bold",
      size: 9.5,
      fill: COLOUR.areaHeader,
      colour: rgb(1, 1, 1),
      align: "center",
    }]);
    layout.row([
      { text: "INDICATORS", width: left, font: "bold", fill: COLOUR.columnHeader, align: "center" },
      {
        text: "RESULT\n(met, considered, unmet)",
        width: RESULT_WIDTH,
        font: "bold",
        size: 7.5,
        fill: COLOUR.columnHeader,
        align: "center",
      },
    ]);
    for (const indicatorLeaves of groupBy(areaLeaves, (leaf) => leaf.indicator_code).values()) {
      const indicator = indicatorLeaves[0];
      const scored = indicatorLeaves.some((leaf) => leaf.scored);
      layout.row([
        {
          text: `${indicator.indicator_code} ${indicator.indicator_name}${
            indicator.is_bbi ? " (BBI)" : ""
          }`,
          width: left,
          font: "bold",
          fill: COLOUR.indicator,
        },
        {
          text: scored ? (indicator.indicator_passes ? "Met" : "Unmet") : "Profiling only",
          width: RESULT_WIDTH,
          font: "bold",
          fill: scored
            ? (indicator.indicator_passes ? COLOUR.met : COLOUR.unmet)
            : COLOUR.profiling,
          align: "center",
        },
      ]);
      for (const leaf of indicatorLeaves) {
        layout.row([
          { text: `${leaf.leaf_code} ${leaf.leaf_name}`, width: left, note: leafNote(leaf) },
          {
            text: RESULT_LABEL[leaf.result],
            width: RESULT_WIDTH,
            fill: RESULT_COLOUR[leaf.result],
            align: "center",
          },
        ]);
      }
    }
    layout.row([
      { text: "OVERALL RESULT", width: left, font: "bold", fill: COLOUR.overall, align: "center" },
      {
        text: verdict(first.area_passes),
        width: RESULT_WIDTH,
        font: "bold",
        fill: first.area_passes ? COLOUR.met : COLOUR.unmet,
        align: "center",
      },
    ]);
    layout.gap(14);
  }
}

function summary(layout: Layout, bgar: Bgar) {
  const { header, leaves } = bgar;
  const areas = [...groupBy(leaves, (leaf) => leaf.area_code).values()].map((l) => l[0]);
  const nameWidth = CONTENT_WIDTH - RESULT_WIDTH;
  layout.ensure(200);
  layout.text("SUMMARY OF RESULTS", { font: "bold", size: 10.5, align: "center" });
  layout.gap(4);
  for (const kind of ["core", "essential"] as const) {
    layout.row([
      {
        text: kind === "core" ? "Core Governance Area" : "Essential Governance Area",
        width: nameWidth,
        font: "bold",
        fill: COLOUR.columnHeader,
        align: "center",
      },
      {
        text: "Result",
        width: RESULT_WIDTH,
        font: "bold",
        fill: COLOUR.columnHeader,
        align: "center",
      },
    ]);
    for (const area of areas.filter((a) => a.area_kind === kind)) {
      layout.row([
        { text: `${area.area_code}. ${area.area_name}`, width: nameWidth },
        {
          text: verdict(area.area_passes),
          width: RESULT_WIDTH,
          font: "bold",
          fill: area.area_passes ? COLOUR.met : COLOUR.unmet,
          align: "center",
        },
      ]);
    }
  }
  layout.row([
    {
      text:
        `SGLGB RESULT (3+1 rule): ${header.core_areas_passed} of 3 core areas and ${header.essential_areas_passed} of 3 essential areas passed`,
      width: nameWidth,
      font: "bold",
      fill: COLOUR.overall,
    },
    {
      text: verdict(header.passed),
      width: RESULT_WIDTH,
      font: "bold",
      size: 10,
      fill: header.passed ? COLOUR.met : COLOUR.unmet,
      align: "center",
    },
  ], 20);
  layout.gap(16);
}

const PRIORITY_HEADING: Record<AgendaRow["priority"], string> = {
  core: "Priority 1: core governance areas (the 3+1 rule needs all three)",
  flip: "Priority 2: the essential area that passes the barangay with the fewest fixes",
  other: "Other failing sub-indicators",
};

const PRIORITY_COLOUR: Record<AgendaRow["priority"], Colour> = {
  core: COLOUR.unmet,
  flip: COLOUR.considered,
  other: COLOUR.indicator,
};

function agendaSummary(bgar: Bgar): string {
  const { header, agenda } = bgar;
  const fixes = agenda[0]?.fewest_fixes ?? null;
  if (header.passed) {
    return agenda.length === 0
      ? "The barangay passed and no sub-indicator failed: no capacity development is needed."
      : `The barangay passed. ${agenda.length} sub-indicator(s) of essential areas still failed; ` +
        "addressing them strengthens its governance for the next cycle.";
  }
  const failing = `${agenda.length} sub-indicator(s) to address.`;
  return fixes === null
    ? `${failing} No set of fixes makes the barangay pass under the 3+1 rule with this catalog.`
    : `${failing} The fewest fixes that make the barangay pass under the 3+1 rule: ${fixes} ` +
      `(marked "3+1"), in rank order below.`;
}

function agendaNote(item: AgendaRow): string | undefined {
  const parts = [
    item.missing_movs.length ? `Missing MOVs: ${item.missing_movs.join("; ")}` : null,
    item.evidence_intervention,
    item.shortfalls.length ? `Short of: ${item.shortfalls.join("; ")}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("\n") : undefined;
}

function agendaTable(layout: Layout, bgar: Bgar) {
  layout.ensure(140);
  layout.text("CAPACITY DEVELOPMENT AGENDA", { font: "bold", size: 10.5, align: "center" });
  layout.gap(4);
  layout.text(agendaSummary(bgar), { size: 8.5 });
  layout.gap(6);
  if (bgar.agenda.length === 0) {
    layout.gap(10);
    return;
  }
  const widths = [34, CONTENT_WIDTH - 34 - 96 - 74, 96, 74];
  const header = (text: string, width: number) => ({
    text,
    width,
    font: "bold" as const,
    size: 7.5,
    fill: COLOUR.columnHeader,
    align: "center" as const,
  });
  layout.row([
    header("Rank", widths[0]),
    header("Sub-indicator and what to do", widths[1]),
    header("Who helps", widths[2]),
    header("By when", widths[3]),
  ]);
  for (const [priority, items] of groupBy(bgar.agenda, (item) => item.priority)) {
    layout.row([{
      text: PRIORITY_HEADING[priority],
      width: CONTENT_WIDTH,
      font: "bold",
      size: 8,
      fill: COLOUR.indicator,
    }]);
    for (const item of items) {
      layout.row([
        {
          text: `${item.rank}${item.in_fewest_fixes ? "\n3+1" : ""}`,
          width: widths[0],
          font: "bold",
          fill: PRIORITY_COLOUR[priority],
          align: "center",
        },
        {
          text: `${item.leaf_code} ${item.leaf_name}\nWhat to do: ${item.intervention ?? "-"}`,
          width: widths[1],
          note: agendaNote(item),
        },
        {
          text: item.office_code ? `${item.office_code}: ${item.office_name}` : "-",
          width: widths[2],
          size: 7.5,
        },
        {
          text: item.due_on
            ? `${formatDate(item.due_on)}\n(${item.time_frame_days} days)`
            : `${item.time_frame_days ?? "-"} days after approval`,
          width: widths[3],
          size: 7.5,
          align: "center",
        },
      ]);
    }
  }
  layout.gap(16);
}

function bbiTable(layout: Layout, bgar: Bgar) {
  layout.ensure(120);
  layout.text("FUNCTIONALITY OF BARANGAY-BASED INSTITUTIONS (BBIs)", {
    font: "bold",
    size: 10.5,
    align: "center",
  });
  layout.gap(4);
  const widths = [CONTENT_WIDTH - 2 * RESULT_WIDTH, RESULT_WIDTH, RESULT_WIDTH];
  layout.row([
    { text: "Institution", width: widths[0], font: "bold", fill: COLOUR.columnHeader },
    {
      text: "Sub-indicators passed",
      width: widths[1],
      font: "bold",
      fill: COLOUR.columnHeader,
      align: "center",
    },
    { text: "Rating", width: widths[2], font: "bold", fill: COLOUR.columnHeader, align: "center" },
  ]);
  for (const bbi of bgar.bbis) {
    const share = Math.round(Number(bbi.share) * 100);
    layout.row([
      { text: `${bbi.indicator_code} ${bbi.indicator_name}`, width: widths[0] },
      {
        text: `${bbi.passed_leaves} of ${bbi.scored_leaves} (${share}%)`,
        width: widths[1],
        align: "center",
      },
      {
        text: RATING_LABEL[bbi.rating] ?? bbi.rating,
        width: widths[2],
        align: "center",
        fill: bbi.rating === "highly_functional"
          ? COLOUR.met
          : bbi.rating === "moderately_functional"
          ? COLOUR.considered
          : COLOUR.unmet,
      },
    ]);
  }
  layout.gap(16);
}

function gapTable(layout: Layout, bgar: Bgar) {
  layout.ensure(120);
  layout.text("GAP ANALYSIS: FIRST SUBMISSION AND FINAL RESULT", {
    font: "bold",
    size: 10.5,
    align: "center",
  });
  layout.gap(4);
  const counts = groupBy(bgar.gaps, (gap) => gap.change);
  const count = (change: GapRow["change"]) => counts.get(change)?.length ?? 0;
  layout.text(
    bgar.gaps.length === 0
      ? "No first submission was recorded for this assessment."
      : `Of ${bgar.gaps.length} scored sub-indicators: ${
        count("kept")
      } passed as first submitted, ` +
        `${count("fixed")} were fixed after the first submission, ${
          count("still_unmet")
        } changed ` +
        `but remained unmet, ${count("unmet")} remained unmet unchanged.`,
    { size: 8.5 },
  );
  layout.gap(4);
  const reworked = [
    ...new Set(
      bgar.gaps.filter((gap) => gap.sent_back.includes("rework")).map((gap) => gap.area_code),
    ),
  ];
  if (reworked.length > 0) {
    layout.text(`Sent back for rework: area ${reworked.join(", ")}.`, { size: 8.5 });
  }
  layout.gap(4);
  const changed = bgar.gaps.filter((gap) =>
    gap.change !== "kept" || gap.sent_back.some((round) => round !== "rework")
  );
  if (changed.length === 0) return;
  const widths = [CONTENT_WIDTH - 330, 70, 70, 80, 110];
  layout.row([
    { text: "Sub-indicator", width: widths[0], font: "bold", fill: COLOUR.columnHeader },
    {
      text: "MOVs at first submission / now",
      width: widths[1],
      font: "bold",
      size: 7,
      fill: COLOUR.columnHeader,
      align: "center",
    },
    {
      text: "Answers changed",
      width: widths[2],
      font: "bold",
      size: 7,
      fill: COLOUR.columnHeader,
      align: "center",
    },
    {
      text: "Sent back",
      width: widths[3],
      font: "bold",
      size: 7,
      fill: COLOUR.columnHeader,
      align: "center",
    },
    {
      text: "Final result",
      width: widths[4],
      font: "bold",
      size: 7,
      fill: COLOUR.columnHeader,
      align: "center",
    },
  ]);
  for (const gap of changed) {
    const passes = gap.final_result === "met" || gap.final_result === "considered";
    layout.row([
      {
        text: `${gap.leaf_code} ${gap.leaf_name}`,
        width: widths[0],
        note: gap.added_slots.length ? `MOVs added: ${gap.added_slots.join(", ")}` : undefined,
      },
      { text: `${gap.first_files} / ${gap.final_files}`, width: widths[1], align: "center" },
      { text: gap.answers_changed ? "Yes" : "No", width: widths[2], align: "center" },
      { text: gap.sent_back.join(", ") || "-", width: widths[3], align: "center" },
      {
        text: `${
          RESULT_LABEL[(gap.final_result ?? "no_decision") as BgarLeaf["result"]] ??
            gap.final_result
        } (${CHANGE_LABEL[gap.change]})`,
        width: widths[4],
        align: "center",
        fill: gap.change === "pending" ? COLOUR.none : passes ? COLOUR.met : COLOUR.unmet,
      },
    ]);
  }
  layout.gap(16);
}

function attestation(layout: Layout, bgar: Bgar) {
  const { header } = bgar;
  layout.ensure(170);
  layout.text(
    `Validated on ${formatDate(header.validated_at)} by ${header.validated_by ?? "-"}; ` +
      `approved on ${formatDate(header.approved_at)} by ${header.approved_by ?? "-"}.`,
    { size: 9 },
  );
  if (header.status !== "completed") {
    layout.text(
      `This assessment is ${
        header.status.replaceAll("_", " ")
      }: the result is not final until the MLGOO approves it.`,
      { font: "bold", size: 9, colour: COLOUR.unmet },
    );
  }
  layout.gap(40);
  const width = (CONTENT_WIDTH - 60) / 2;
  layout.text("Conforme:", { size: 9 });
  layout.gap(28);
  layout.signature(MARGIN.left, width, "Punong Barangay", `Barangay ${header.barangay}`);
  layout.signature(
    MARGIN.left + width + 60,
    width,
    header.approved_by ?? "MLGOO",
    `MLGOO, ${header.city_municipality}`,
  );
}

/** The BGAR of `bgar` as PDF bytes; `generatedAt` is printed in the footer. */
export async function bgarPdf(bgar: Bgar, generatedAt = new Date()): Promise<Uint8Array> {
  const { header } = bgar;
  const doc = await PDFDocument.create();
  const title = `Barangay Governance Assessment Report: Barangay ${header.barangay}, ` +
    `${header.city_municipality}, ${header.province}`;
  doc.setTitle(`${title} (${header.cycle_title})`);
  doc.setSubject(header.cycle_title);
  doc.setAuthor(`DILG ${header.city_municipality}`);
  doc.setCreator("Vantage");
  doc.setProducer("Vantage (pdf-lib)");
  doc.setCreationDate(generatedAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const layout = new Layout(
    doc,
    fonts,
    `${header.cycle_title} - Barangay Governance Assessment Report - Barangay ${header.barangay}, ${header.city_municipality}`,
  );

  layout.text("Republic of the Philippines", { size: 9, align: "center" });
  layout.text("DEPARTMENT OF THE INTERIOR AND LOCAL GOVERNMENT", {
    font: "bold",
    size: 10.5,
    align: "center",
  });
  layout.text(`${header.region} - Province of ${header.province}`, { size: 9, align: "center" });
  layout.text("Office of the City/Municipal Local Government Operations Officer", {
    size: 9,
    align: "center",
  });
  layout.text(header.city_municipality, { size: 9, align: "center" });
  layout.gap(14);
  layout.text(header.cycle_title.toUpperCase(), { font: "bold", size: 12, align: "center" });
  layout.text("BARANGAY GOVERNANCE ASSESSMENT REPORT", { font: "bold", size: 13, align: "center" });
  layout.text(`Barangay ${header.barangay}, ${header.city_municipality}, ${header.province}`, {
    font: "bold",
    size: 11,
    align: "center",
  });
  layout.text(`PSGC ${header.psgc_code}`, { size: 8.5, align: "center", colour: COLOUR.muted });
  layout.gap(6);
  layout.text(
    `SGLGB result: ${verdict(header.passed)} (${header.core_areas_passed} of 3 core, ` +
      `${header.essential_areas_passed} of 3 essential areas passed)`,
    {
      font: "bold",
      size: 10,
      align: "center",
      colour: header.passed ? COLOUR.areaHeader : rgb(0.75, 0.1, 0.1),
    },
  );
  layout.gap(12);

  areaTables(layout, bgar.leaves);
  summary(layout, bgar);
  agendaTable(layout, bgar);
  bbiTable(layout, bgar);
  gapTable(layout, bgar);
  attestation(layout, bgar);

  layout.footer(
    `Generated by Vantage on ${manilaDateTime.format(generatedAt)} from the official result of ` +
      `${manilaDateTime.format(header.classified_at)} (classifier ${header.classifier_version}).`,
  );
  return await doc.save();
}
