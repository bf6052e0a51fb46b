// The offices a capacity-development intervention names as the one that helps the barangay: the
// barangay itself, DILG, and the city or municipal offices the 2024 Technical Notes name as data
// sources or signatories. The database's public.capdev_offices is generated from this list.

export type Texts = { en: string; fil: string };

export const OFFICES = {
  BLGU: {
    en: "The barangay (Punong Barangay, Sangguniang Barangay and Barangay Secretary)",
    fil: "Ang barangay (Punong Barangay, Sangguniang Barangay at Kalihim ng Barangay)",
  },
  MLGOO: {
    en: "City/Municipal Local Government Operations Officer (DILG field office)",
    fil:
      "City/Municipal Local Government Operations Officer (tanggapan ng DILG sa lungsod o bayan)",
  },
  DILG: {
    en: "DILG provincial or regional office",
    fil: "Tanggapan ng DILG sa lalawigan o rehiyon",
  },
  MBO: {
    en: "City/Municipal Budget Office",
    fil: "Tanggapan ng Badyet ng lungsod o bayan",
  },
  MTO: {
    en: "City/Municipal Treasurer's Office",
    fil: "Tanggapan ng Ingat-yaman ng lungsod o bayan",
  },
  MACCO: {
    en: "City/Municipal Accountant's Office",
    fil: "Tanggapan ng Accountant ng lungsod o bayan",
  },
  MPDO: {
    en: "City/Municipal Planning and Development Office",
    fil: "Tanggapan ng Pagpaplano at Pagpapaunlad ng lungsod o bayan",
  },
  MSWDO: {
    en: "City/Municipal Social Welfare and Development Office",
    fil: "Tanggapan ng Kagalingang Panlipunan at Pagpapaunlad ng lungsod o bayan",
  },
  MDRRMO: {
    en: "City/Municipal Disaster Risk Reduction and Management Office",
    fil: "Tanggapan ng Pagbabawas ng Panganib sa Sakuna ng lungsod o bayan",
  },
  MHO: {
    en: "City/Municipal Health Office",
    fil: "Tanggapan ng Kalusugan ng lungsod o bayan",
  },
  MNAO: {
    en: "City/Municipal Nutrition Action Officer",
    fil: "Nutrition Action Officer ng lungsod o bayan",
  },
  MENRO: {
    en: "City/Municipal Environment and Natural Resources Office",
    fil: "Tanggapan ng Kapaligiran at Likas na Yaman ng lungsod o bayan",
  },
  MADAC: {
    en: "City/Municipal Anti-Drug Abuse Council",
    fil: "Konseho Laban sa Pang-aabuso sa Droga ng lungsod o bayan (C/MADAC)",
  },
  PNP: {
    en: "Local PNP station",
    fil: "Himpilan ng PNP sa lungsod o bayan",
  },
  BPLO: {
    en: "City/Municipal Business Permits and Licensing Office",
    fil: "Tanggapan ng Business Permits and Licensing ng lungsod o bayan",
  },
  PESO: {
    en: "Public Employment Service Office",
    fil: "Public Employment Service Office (PESO)",
  },
} as const satisfies Record<string, Texts>;

export type Office = keyof typeof OFFICES;
