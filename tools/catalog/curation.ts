// Decisions the upload-instruction parser cannot take from the text alone, one entry per leaf,
// each with the reason. Item option groups listed here replace the source's for that leaf
// (unlisted items become shared), so a leaf's items and slots use the same option names.
import type { Slot } from "./slots.ts";

export type LeafCuration = {
  reason?: string;
  slots?: Slot[];
  itemOptionGroups?: Record<string, string[]>;
  considerationText?: string;
};

export type Curation = Record<string, LeafCuration>;

const shared = (key: string, label: string): Slot => ({
  key,
  label,
  optionGroup: null,
});
const option = (optionGroup: string, key: string, label: string): Slot => ({
  key,
  label,
  optionGroup,
});

/** Option A = physical items, Option B = financial items of an accomplishment-report leaf. */
function accomplishmentItemGroups(
  leafCode: string,
  physical: string[],
  financial: string[],
): Record<string, string[]> {
  const prefix = leafCode.replaceAll(".", "_");
  return {
    "Option A": [
      ...physical,
      `${prefix}_physical_accomplished`,
      `${prefix}_physical_reflected`,
    ],
    "Option B": [
      ...financial,
      `${prefix}_financial_utilized`,
      `${prefix}_financial_allocated`,
    ],
  };
}

export const CURATION_2024: Curation = {
  "1.6.1": {
    reason: "Option 3 offers two alternative proofs joined by OR; the glossary's consideration " +
      "(bank statement instead of deposit slips) is not in the transcribed text",
    considerationText: "Bank statement instead of deposit slips",
    slots: [
      option(
        "Option 1",
        "written_agreement",
        "Copy of the written Barangay-SK agreement",
      ),
      option(
        "Option 1",
        "proof_of_deposit",
        "Proof of deposit reflecting Account No./Name and total SK funds",
      ),
      option(
        "Option 2",
        "deposit_slips",
        "Deposit slips reflecting Account No./Name and total SK funds",
      ),
      option(
        "Option 3A",
        "trust_fund_transfer",
        "Proof of transfer of the 10% {CURRENT_YEAR} SK funds to the trust fund of the Barangay " +
          "such as Deposit Slip or Official Receipt",
      ),
      option(
        "Option 3B",
        "treasurer_custody_transfer",
        "Proof of transfer or corresponding legal forms/documents issued by the city/municipal " +
          "treasurer (SK fund kept as trust fund in the custody of the C/M treasurer)",
      ),
    ],
    itemOptionGroups: {
      "Option 1": ["1_6_1_opt1_header", "1_6_1_opt1_a", "1_6_1_opt1_b"],
      "Option 2": ["1_6_1_opt2_header", "1_6_1_opt2_deposit"],
      "Option 3A": ["1_6_1_opt3_a"],
      "Option 3B": ["1_6_1_opt3_b"],
    },
  },
  "1.6.2": {
    reason: "alternatives depend on the number of SK officials, written as '(If ...)' prefixes",
    slots: [
      option(
        "Option 1",
        "sk_budget_resolution",
        "Approved Resolution approving the SK Annual/Supplemental Budget (5 or more SK officials)",
      ),
      option(
        "Option 1",
        "abyip",
        "Approved ABYIP signed by the SK Chairperson and its members (5 or more SK officials)",
      ),
      option(
        "Option 2",
        "sk_officials_certification",
        "Certification from the C/MLGOO on the number of SK officials (4 or fewer SK officials)",
      ),
    ],
    itemOptionGroups: {
      "Option 1": ["1_6_2_5above_header", "1_6_2_5above_a", "1_6_2_5above_b"],
      "Option 2": ["1_6_2_4below_header", "1_6_2_4below_cert"],
    },
  },
  "2.1.4": {
    reason: "both options hold a certification; keys name the option they prove",
    slots: [
      option("Option A", "accomplishment_report", "Accomplishment Report"),
      option(
        "Option A",
        "physical_certification",
        "Certification on the submission and correctness of Accomplishment Report signed by the " +
          "C/MDRRMO",
      ),
      option(
        "Option B",
        "utilization_report",
        "Annual LDRRMF Utilization Report",
      ),
      option(
        "Option B",
        "financial_certification",
        "Certification on the submission and correctness of fund utilization report signed by " +
          "the C/MDRRMO",
      ),
    ],
    itemOptionGroups: accomplishmentItemGroups(
      "2.1.4",
      ["2_1_4_option_a", "2_1_4_upload_1", "2_1_4_upload_2"],
      ["2_1_4_option_b", "2_1_4_upload_3", "2_1_4_upload_4"],
    ),
  },
  "2.2.3": {
    reason: "the transcribed text repeats 2.2.2's hazard-map wording; the requirement is the EWS",
    slots: [
      shared(
        "ews_photos",
        "Two (2) Photo documentations of the Early Warning System (EWS) for the top two (2) " +
          "hazards: one photo with Distant View and one photo with Close-up View",
      ),
    ],
  },
  "2.3.2": {
    reason: "one close-up photo is required for each of the six supplies listed",
    slots: [
      shared(
        "communication_equipment",
        "Photo of the communication equipment (close-up view)",
      ),
      shared(
        "rescue_vehicle",
        "Photo of the rescue vehicle/barangay patrol (close-up view)",
      ),
      shared(
        "generator_set",
        "Photo of the generator set/alternative sources of energy (close-up view)",
      ),
      shared("first_aid_kit", "Photo of the first aid kit (close-up view)"),
      shared(
        "flashlight",
        "Photo of the flashlight with batteries (close-up view)",
      ),
      shared(
        "ppe",
        "Photo of the Personal Protective Equipment (PPE) (close-up view)",
      ),
    ],
  },
  "3.1.6": {
    reason: "source items carry no option group",
    itemOptionGroups: {
      "Option 1": ["3_1_6_option_1"],
      "Option 2": ["3_1_6_option_2"],
    },
  },
  "3.2.3": {
    reason: "source items carry no option group",
    itemOptionGroups: accomplishmentItemGroups("3.2.3", ["3_2_3_option_a"], [
      "3_2_3_option_b",
    ]),
  },
  "3.3.2": {
    reason: "source items carry no option group",
    itemOptionGroups: {
      "Option A": ["3_3_2_1_upload"],
      "Option B": ["3_3_2_2_upload"],
    },
  },
  "3.5.2": {
    reason: "source items carry no option group",
    itemOptionGroups: {
      "Option 1": ["3_5_2_a_upload"],
      "Option 2": ["3_5_2_b_upload"],
    },
  },
  "4.1.6": {
    reason: "both options are certifications on the same report; keys name the option",
    slots: [
      shared("accomplishment_report", "GAD Accomplishment Report"),
      option(
        "Option A",
        "physical_certification",
        "Certification on the submitted GAD Accomplishment Report indicating at least 50% " +
          "accomplishment of the physical targets in the GAD Plan signed by the C/MSWDO or C/MLGOO",
      ),
      option(
        "Option B",
        "financial_certification",
        "Certification on the submitted GAD Accomplishment Report indicating at least 50% fund " +
          "utilization of the GAD Budget signed by the C/MSWDO or C/MLGOO",
      ),
    ],
    itemOptionGroups: accomplishmentItemGroups(
      "4.1.6",
      ["4_1_6_option_a", "4_1_6_cert_physical"],
      ["4_1_6_option_b", "4_1_6_cert_financial"],
    ),
  },
  "4.2.1": {
    reason: "source items carry no option group",
    itemOptionGroups: {
      "Option 1": ["4_2_1_photo", "4_2_1_option_a"],
      "Option 2": ["4_2_1_cert_clustered", "4_2_1_option_b"],
    },
  },
  "4.2.2": {
    reason: "both alternatives are EO appointments; keys name the appointee",
    slots: [
      option(
        "Option 1",
        "bhw_appointment",
        "EO (signed by the PB) or similar issuance (resolution/ordinance signed by the PB, " +
          "Barangay Secretary and SBMs) on the Appointment of BHW",
      ),
      option(
        "Option 2",
        "bho_appointment",
        "EO (signed by the PB) or similar issuance (resolution/ordinance signed by the PB, " +
          "Barangay Secretary and SBMs) on the Appointment of BHO or BHAsst",
      ),
    ],
    itemOptionGroups: { "Option 1": ["4_2_2_bhw"], "Option 2": ["4_2_2_bho"] },
  },
  "4.3.4": {
    reason: "source items carry no option group",
    itemOptionGroups: accomplishmentItemGroups("4.3.4", ["4_3_4_option_a"], [
      "4_3_4_option_b",
    ]),
  },
  "4.5.6": {
    reason: "source items carry no option group",
    itemOptionGroups: accomplishmentItemGroups("4.5.6", ["4_5_6_a"], [
      "4_5_6_b",
    ]),
  },
  "4.8.4": {
    reason: "both options are certifications on the same report; keys name the option",
    slots: [
      shared("accomplishment_report", "Accomplishment Report on BNAP"),
      option(
        "Option A",
        "physical_certification",
        "Certification on the submitted BNAP Accomplishment Report indicating at least 50% " +
          "accomplishment of the physical targets in the BNAP signed by the C/MLGOO",
      ),
      option(
        "Option B",
        "financial_certification",
        "Certification on the submitted BNAP Accomplishment Report indicating at least 50% fund " +
          "utilization rate of the BNAP Budget signed by the C/MLGOO",
      ),
    ],
    itemOptionGroups: accomplishmentItemGroups(
      "4.8.4",
      ["4_8_4_option_a_check", "4_8_4_cert_a"],
      ["4_8_4_option_b_check", "4_8_4_cert_b"],
    ),
  },
  "6.1.4": {
    reason: "source items carry no option group",
    itemOptionGroups: accomplishmentItemGroups("6.1.4", ["6_1_4_option_a"], [
      "6_1_4_option_b",
    ]),
  },
  "6.2.1": {
    reason: "Option C lists two MOAs for two different clustering arrangements; " +
      "a barangay has one of them, not both",
    slots: [
      option(
        "Option A",
        "mrf_photos",
        "Photo documentation of the MRF/MRF Records of the barangay (one photo with Distant View " +
          "and one photo with Close-up View)",
      ),
      option("Option B", "moa_junkshop", "MOA with junkshop"),
      option(
        "Option B",
        "biodegradable_mechanism",
        "Mechanism to process biodegradable wastes",
      ),
      option(
        "Option B",
        "moa_service_provider",
        "MOA with service provider for collection of biodegradable wastes and recyclables for " +
          "treatment and temporary storage",
      ),
      option(
        "Option C1",
        "moa_host_barangay",
        "MOA with the host barangay (barangay-clustered MRFs)",
      ),
      option(
        "Option C2",
        "moa_central_mrf",
        "MOA or similar document indicating coverage of the city/municipal MRF (barangays " +
          "clustered to the Central MRF of the City/Municipality)",
      ),
    ],
    itemOptionGroups: {
      "Option A": ["6_2_1_label_a", "6_2_1_a_photo"],
      "Option B": [
        "6_2_1_label_b",
        "6_2_1_b_moa_junkshop",
        "6_2_1_b_mechanism",
        "6_2_1_b_moa_service",
      ],
      "Option C1": ["6_2_1_c_moa_host"],
      "Option C2": ["6_2_1_c_moa_lgu"],
    },
  },
};
