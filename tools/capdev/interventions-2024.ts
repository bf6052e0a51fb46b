// Capacity-development interventions for every scored sub-indicator of the 2024 catalog, written
// from its minimum requirement in the 2024 Technical Notes: what the barangay does to meet it
// (`action`), the documents that prove it (`evidence`), the office that helps, and the days it
// should take. `npm run capdev:generate` turns them into the national defaults, one per failure
// reason (tools/capdev/render.ts); the MLGOO may override any of them for its municipality.
import type { Office, Texts } from "./offices.ts";

export type LeafIntervention = {
  office: Office;
  /** Suggested time frame in days from the assessment's completion. */
  days: number;
  action: Texts;
  evidence: Texts;
};

const leaf = (office: Office, days: number, action: Texts, evidence: Texts): LeafIntervention => ({
  office,
  days,
  action,
  evidence,
});

export const INTERVENTIONS_2024: Record<string, LeafIntervention> = {
  // 1 Financial Administration and Sustainability -------------------------------------------
  "1.1.1": leaf("MLGOO", 30, {
    en:
      "Post the seven BFDP documents (Barangay Financial Report, barangay budget, Summary of Income and Expenditures, 20% NTA utilization, Annual Procurement Plan or procurement list, notices of award, itemized monthly collections and disbursements) on the BFDP board and, if any, the barangay website, and ask the C/MLGOO to monitor and sign BFDP Monitoring Form A for the 1st to 3rd quarters.",
    fil:
      "Ipaskil sa BFDP board (at sa website ng barangay kung mayroon) ang pitong dokumento ng BFDP (Barangay Financial Report, badyet ng barangay, Summary of Income and Expenditures, paggamit ng 20% ng NTA, Annual Procurement Plan o listahan ng procurement, notices of award, buwanang koleksyon at gastos), at hilingin sa C/MLGOO na subaybayan at pirmahan ang BFDP Monitoring Form A para sa ika-1 hanggang ika-3 quarter.",
  }, {
    en:
      "the three BFDP Monitoring Forms A signed by the C/MLGOO, Punong Barangay and Barangay Secretary, and two photos of the BFDP board (one distant, one close-up) showing the barangay's name",
    fil:
      "tatlong BFDP Monitoring Form A na pirmado ng C/MLGOO, Punong Barangay at Kalihim ng Barangay, at dalawang larawan ng BFDP board (isang malayuan, isang malapitan) na kita ang pangalan ng barangay",
  }),
  "1.1.2": leaf("MACCO", 30, {
    en:
      "Have the Barangay Treasurer prepare the Barangay Financial Report (Statement of Receipts and Expenditures) in the Annex B format of DBM-DOF-DILG JMC No. 2018-1, sign it and submit it to the C/M Accountant, who stamps it received.",
    fil:
      'Ipahanda sa Ingat-yaman ng Barangay ang Barangay Financial Report (Statement of Receipts and Expenditures) sa anyong Annex B ng DBM-DOF-DILG JMC Blg. 2018-1, pirmahan ito at isumite sa C/M Accountant upang matatakan ng "received".',
  }, {
    en: "the signed Annex B (Barangay Financial Report) with the C/M Accountant's received stamp",
    fil:
      'pirmadong Annex B (Barangay Financial Report) na may tatak na "received" ng C/M Accountant',
  }),
  "1.2.1": leaf("MTO", 180, {
    en:
      "With the C/M Treasurer, review the barangay's own revenue sources (fees and charges, rentals, corporate powers), update the revenue ordinance and improve collection so that local resources grow over the previous year; then request the Certification on Increase in Local Resources.",
    fil:
      "Kasama ang C/M Treasurer, suriin ang sariling pinagkukunan ng kita ng barangay (fees and charges, upa, corporate powers), i-update ang ordinansa sa kita at pagbutihin ang koleksyon upang lumaki ang lokal na kita kumpara sa nakaraang taon; saka humiling ng Certification on Increase in Local Resources.",
  }, {
    en:
      "the Statements of Receipts and Expenditures of the two years compared, signed by the Barangay Treasurer and Punong Barangay, and the Certification on Increase in Local Resources signed by the C/M Treasurer or Budget Officer",
    fil:
      "mga Statement of Receipts and Expenditures ng dalawang taong pinaghahambing, pirmado ng Ingat-yaman ng Barangay at Punong Barangay, at ang Certification on Increase in Local Resources na pirmado ng C/M Treasurer o Budget Officer",
  }),
  "1.3.1": leaf("MBO", 90, {
    en:
      "Follow a budget calendar so that the Sangguniang Barangay enacts the annual Barangay Appropriation Ordinance on or before 31 December of the year before it applies; submit the draft to the C/M Budget Officer early for review.",
    fil:
      "Sundin ang kalendaryo ng badyet upang maipasa ng Sangguniang Barangay ang taunang Barangay Appropriation Ordinance sa o bago ang Disyembre 31 ng taong nauuna sa pagpapatupad nito; isumite nang maaga sa C/M Budget Officer ang burador para masuri.",
  }, {
    en:
      "the approved Barangay Appropriation Ordinance signed by the Sangguniang Barangay members, SK Chairperson, Barangay Secretary and Punong Barangay, showing its date of approval",
    fil:
      "aprobadong Barangay Appropriation Ordinance na pirmado ng mga kagawad, SK Chairperson, Kalihim ng Barangay at Punong Barangay, na makikita ang petsa ng pag-apruba",
  }),
  "1.4.1": leaf("MBO", 90, {
    en:
      "In the next budget, allocate at least 20% of the NTA for development projects, at least 5% of estimated regular revenue for the BDRRM Fund, 10% of the general fund for the SK, and funds for Gender and Development, senior citizens and persons with disabilities, and the BCPC's programs; have the C/M Budget Officer certify the allocations.",
    fil:
      "Sa susunod na badyet, maglaan ng hindi bababa sa 20% ng NTA para sa mga proyektong pangkaunlaran, 5% ng tinatayang regular na kita para sa BDRRM Fund, 10% ng general fund para sa SK, at pondo para sa Gender and Development, senior citizens at PWD, at mga programa ng BCPC; ipasertipika sa C/M Budget Officer ang mga alokasyon.",
  }, {
    en:
      "the approved Barangay Appropriation Ordinance, the Annual Investment Program signed by the Barangay Treasurer, Secretary and Punong Barangay, and the Certification for the Allocation for Statutory Programs and Projects signed by the C/M Budget Officer",
    fil:
      "aprobadong Barangay Appropriation Ordinance, Annual Investment Program na pirmado ng Ingat-yaman, Kalihim at Punong Barangay, at Certification for the Allocation for Statutory Programs and Projects na pirmado ng C/M Budget Officer",
  }),
  "1.5.1": leaf("BLGU", 15, {
    en:
      "Prepare the barangay's Citizens' Charter (services, requirements, steps, fees, processing time, persons responsible) and post it where the public sees it: barangay hall, market, terminal or multi-purpose hall.",
    fil:
      "Ihanda ang Citizens' Charter ng barangay (mga serbisyo, kailangang dokumento, hakbang, bayad, tagal ng proseso, mga responsable) at ipaskil kung saan makikita ng publiko: barangay hall, palengke, terminal o multi-purpose hall.",
  }, {
    en:
      "two photos of the posted Citizens' Charter (one distant, one close-up) showing the barangay's name",
    fil:
      "dalawang larawan ng nakapaskil na Citizens' Charter (isang malayuan, isang malapitan) na kita ang pangalan ng barangay",
  }),
  "1.6.1": leaf("MTO", 30, {
    en:
      "Release the 10% SK fund as the SK Reform Act requires: sign a written Barangay-SK agreement and deposit the fund in the SK's current account; without an agreement, deposit it to the SK account; without SK officials or bank account, transfer it to the barangay's trust fund through the C/M Treasurer.",
    fil:
      "Ilabas ang 10% na pondo ng SK ayon sa SK Reform Act: pumirma ng nakasulat na kasunduan ng Barangay at SK at ideposito ang pondo sa current account ng SK; kung walang kasunduan, ideposito ito sa account ng SK; kung walang opisyal o bank account ang SK, ilipat ito sa trust fund ng barangay sa pamamagitan ng C/M Treasurer.",
  }, {
    en:
      "the written Barangay-SK agreement with proof of deposit, or deposit slips (bank statements showing the transaction date if slips are lost), or proof of transfer to the trust fund, each showing the SK account and the full 10% amount",
    fil:
      "nakasulat na kasunduan ng Barangay at SK at patunay ng deposito, o deposit slips (bank statement na may petsa ng transaksyon kung nawala ang slips), o patunay ng paglipat sa trust fund, na makikita ang account ng SK at ang buong 10%",
  }),
  "1.6.2": leaf("MLGOO", 60, {
    en:
      "Help the SK formulate its Annual Barangay Youth Investment Program, have it approved by SK resolution and signed by the SK Chairperson and members; where the SK has no officials or quorum, obtain the C/MLGOO's certification.",
    fil:
      "Tulungan ang SK na buuin ang Annual Barangay Youth Investment Program, ipaaprubahan ito sa resolusyon ng SK at papirmahan sa SK Chairperson at mga kagawad; kung walang opisyal o quorum ang SK, kumuha ng sertipikasyon ng C/MLGOO.",
  }, {
    en:
      "the SK resolution approving the ABYIP and the ABYIP signed by the SK Chairperson and members, or the C/MLGOO's certification on the number of SK officials",
    fil:
      "resolusyon ng SK na nag-aapruba sa ABYIP at ang ABYIP na pirmado ng SK Chairperson at mga kagawad, o sertipikasyon ng C/MLGOO sa bilang ng mga opisyal ng SK",
  }),
  "1.7.1": leaf("MLGOO", 60, {
    en:
      "Hold the semestral Barangay Assembly on the date DILG sets: announce it to residents, report on the barangay's finances and programs, keep an attendance sheet, and write the post-activity report or minutes.",
    fil:
      "Idaos ang Barangay Assembly ng semestre sa petsang itinakda ng DILG: ipabatid ito sa mga residente, iulat ang pananalapi at mga programa ng barangay, magtala ng attendance, at isulat ang post-activity report o katitikan.",
  }, {
    en:
      "the post-activity report or minutes of the 1st semester Barangay Assembly, with attendance",
    fil:
      "post-activity report o katitikan ng Barangay Assembly ng unang semestre, kasama ang attendance",
  }),

  // 2 Disaster Preparedness -----------------------------------------------------------------
  "2.1.1": leaf("MDRRMO", 30, {
    en:
      "Issue an executive order organizing the BDRRMC with the composition of NDRRMC-DILG-DBM-CSC JMC No. 2014-01 (Punong Barangay as chair, the Sangguniang Barangay, CSO and private sector representatives), covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng BDRRMC ayon sa komposisyon ng NDRRMC-DILG-DBM-CSC JMC Blg. 2014-01 (Punong Barangay bilang tagapangulo, Sangguniang Barangay, kinatawan ng CSO at pribadong sektor), para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en:
      "the executive order (signed by the Punong Barangay) or similar issuance organizing the BDRRMC",
    fil: "executive order (pirmado ng Punong Barangay) o katulad na kautusan na bumubuo ng BDRRMC",
  }),
  "2.1.2": leaf("MDRRMO", 60, {
    en:
      "With the C/MDRRMO, draft the BDRRM Plan for the year from the barangay's risk assessment, have the BDRRMC approve it and the Sangguniang Barangay adopt it by resolution.",
    fil:
      "Kasama ang C/MDRRMO, buuin ang BDRRM Plan para sa taon batay sa risk assessment ng barangay, ipaaprubahan sa BDRRMC at ipaadopt sa Sangguniang Barangay sa pamamagitan ng resolusyon.",
  }, {
    en:
      "the approved BDRRM Plan, the Sangguniang Barangay resolution adopting it, or the C/MDRRMO's certification on the barangays with approved BDRRM Plans",
    fil:
      "aprobadong BDRRM Plan, resolusyon ng Sangguniang Barangay na nag-aadopt dito, o sertipikasyon ng C/MDRRMO sa mga barangay na may aprobadong BDRRM Plan",
  }),
  "2.1.3": leaf("MBO", 90, {
    en:
      "Set aside at least 5% of the estimated revenue from regular sources as the BDRRM Fund in the annual budget, and have the C/M Budget Officer certify it.",
    fil:
      "Maglaan ng hindi bababa sa 5% ng tinatayang kita mula sa regular na pinagkukunan bilang BDRRM Fund sa taunang badyet, at ipasertipika ito sa C/M Budget Officer.",
  }, {
    en:
      "the certification on the allocation of at least 5% of the estimated revenue as BDRRM Fund, signed by the C/M Budget Officer",
    fil:
      "sertipikasyon ng paglalaan ng hindi bababa sa 5% ng tinatayang kita bilang BDRRM Fund, pirmado ng C/M Budget Officer",
  }),
  "2.1.4": leaf("MDRRMO", 90, {
    en:
      "Carry out the BDRRM Plan's activities and use the BDRRM Fund so that at least 50% of the physical targets are accomplished or at least 50% of the fund is utilized; track progress monthly with the BDRRMC.",
    fil:
      "Isagawa ang mga gawain ng BDRRM Plan at gamitin ang BDRRM Fund upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo; subaybayan buwan-buwan ang progreso kasama ang BDRRMC.",
  }, {
    en:
      "the accomplishment report with the C/MDRRMO's certification, or the annual LDRRMF utilization report with its certification",
    fil:
      "accomplishment report na may sertipikasyon ng C/MDRRMO, o taunang LDRRMF utilization report na may sertipikasyon",
  }),
  "2.2.1": leaf("MDRRMO", 60, {
    en:
      "Conduct a risk assessment activity in the barangay (e.g. community-based risk assessment or hazard mapping workshop) with the C/MDRRMO, and document it in a post-activity report.",
    fil:
      "Magsagawa ng risk assessment sa barangay (hal. community-based risk assessment o hazard mapping workshop) kasama ang C/MDRRMO, at idokumento ito sa post-activity report.",
  }, {
    en: "the post-activity report of the risk assessment activity, dated not earlier than 2020",
    fil: "post-activity report ng risk assessment, na may petsang hindi mas maaga sa 2020",
  }),
  "2.2.2": leaf("MDRRMO", 60, {
    en:
      "Produce a barangay risk/hazard map showing flood-prone, landslide-prone and other natural or man-made risk areas, with evacuation routes, and display it in the barangay hall.",
    fil:
      "Gumawa ng risk/hazard map ng barangay na nagpapakita ng mga lugar na bahain, madaling gumuho at iba pang panganib, kasama ang ruta ng paglikas, at ipaskil ito sa barangay hall.",
  }, {
    en: "two photos of the barangay risk/hazard map (one distant, one close-up)",
    fil: "dalawang larawan ng risk/hazard map ng barangay (isang malayuan, isang malapitan)",
  }),
  "2.2.3": leaf("MDRRMO", 60, {
    en:
      "Set up an early warning system for the barangay's top two hazards (e.g. sirens, bells, flags, rain gauges) with agreed signals, and teach residents what each signal means.",
    fil:
      "Magtatag ng early warning system para sa dalawang pangunahing panganib sa barangay (hal. sirena, kampana, bandila, rain gauge) na may napagkasunduang hudyat, at ituro sa mga residente ang kahulugan ng bawat hudyat.",
  }, {
    en: "two photos of the early warning system for each of the top two hazards",
    fil:
      "dalawang larawan ng early warning system para sa bawat isa sa dalawang pangunahing panganib",
  }),
  "2.3.1": leaf("MDRRMO", 90, {
    en:
      "Designate a permanent or temporary evacuation center (e.g. school, covered court, multi-purpose hall) with the C/MDRRMO, make sure it is safe and accessible, and secure the certification on its presence and location.",
    fil:
      "Magtalaga ng permanente o pansamantalang evacuation center (hal. paaralan, covered court, multi-purpose hall) kasama ang C/MDRRMO, tiyaking ligtas at madaling puntahan, at kumuha ng sertipikasyon sa pagkakaroon at lokasyon nito.",
  }, {
    en: "two photos of the evacuation center and the certification on its presence and location",
    fil: "dalawang larawan ng evacuation center at sertipikasyon sa pagkakaroon at lokasyon nito",
  }),
  "2.3.2": leaf("MDRRMO", 90, {
    en:
      "Procure or borrow the required disaster supplies and equipment: communication equipment, rescue vehicle or barangay patrol, generator set or alternative power, first-aid kit, flashlights and personal protective equipment; include the gaps in the next BDRRM Fund.",
    fil:
      "Bumili o humiram ng kinakailangang gamit pang-sakuna: kagamitan sa komunikasyon, rescue vehicle o patrol ng barangay, generator o ibang mapagkukunan ng kuryente, first-aid kit, flashlight at personal protective equipment; isama ang kulang sa susunod na BDRRM Fund.",
  }, {
    en: "a photo of each required item of disaster supplies and equipment",
    fil: "larawan ng bawat kinakailangang gamit at kagamitan pang-sakuna",
  }),

  // 3 Safety, Peace and Order ---------------------------------------------------------------
  "3.1.1": leaf("MADAC", 30, {
    en:
      "Issue an executive order organizing the BADAC with the composition of DILG-DDB JMC No. 2018-01 and its Committees on Operations and on Advocacy.",
    fil:
      "Maglabas ng executive order na bumubuo ng BADAC ayon sa komposisyon ng DILG-DDB JMC Blg. 2018-01, kasama ang Committee on Operations at Committee on Advocacy.",
  }, {
    en:
      "the executive order (signed by the Punong Barangay) or similar issuance organizing the BADAC and its committees",
    fil:
      "executive order (pirmado ng Punong Barangay) o katulad na kautusan na bumubuo ng BADAC at mga komite nito",
  }),
  "3.1.2": leaf("MADAC", 30, {
    en:
      "Establish the Barangay Rehabilitation Referral Desk and designate a Barangay Duty Officer by executive order.",
    fil:
      "Itatag ang Barangay Rehabilitation Referral Desk at magtalaga ng Barangay Duty Officer sa pamamagitan ng executive order.",
  }, {
    en:
      "the executive order or similar issuance establishing the referral desk and designating the duty officer",
    fil:
      "executive order o katulad na kautusan na nagtatatag ng referral desk at nagtatalaga ng duty officer",
  }),
  "3.1.3": leaf("MADAC", 30, {
    en:
      "Organize house clusters covering every household and designate a House Cluster Leader for each by executive order.",
    fil:
      "Bumuo ng house clusters na sumasaklaw sa lahat ng sambahayan at magtalaga ng House Cluster Leader sa bawat isa sa pamamagitan ng executive order.",
  }, {
    en:
      "the executive order or similar issuance organizing the house clusters and naming their leaders",
    fil:
      "executive order o katulad na kautusan na bumubuo ng house clusters at nagpapangalan sa mga lider nito",
  }),
  "3.1.4": leaf("MADAC", 30, {
    en:
      "Organize the BADAC Auxiliary Team from trusted volunteers and designate its members by executive order.",
    fil:
      "Buuin ang BADAC Auxiliary Team mula sa mga mapagkakatiwalaang boluntaryo at italaga ang mga miyembro nito sa pamamagitan ng executive order.",
  }, {
    en: "the executive order or similar issuance organizing the BADAC Auxiliary Team",
    fil: "executive order o katulad na kautusan na bumubuo ng BADAC Auxiliary Team",
  }),
  "3.1.5": leaf("MADAC", 60, {
    en:
      "Formulate the BADAC Plan of Action for the year (prevention, advocacy, operations, rehabilitation referral) and have the BADAC approve it.",
    fil:
      "Buuin ang BADAC Plan of Action para sa taon (pag-iwas, adbokasiya, operasyon, referral sa rehabilitasyon) at ipaaprubahan sa BADAC.",
  }, {
    en: "the approved BADPA summary for the year",
    fil: "aprobadong buod ng BADPA para sa taon",
  }),
  "3.1.6": leaf("MBO", 90, {
    en:
      "Allocate a substantial amount for anti-illegal drug initiatives in the barangay budget and in the Annual Investment Plan.",
    fil:
      "Maglaan ng sapat na halaga para sa mga programa laban sa ilegal na droga sa badyet ng barangay at sa Annual Investment Plan.",
  }, {
    en:
      "the approved Barangay Appropriation Ordinance and the Annual Investment Plan showing the allocation",
    fil:
      "aprobadong Barangay Appropriation Ordinance at Annual Investment Plan na makikita ang alokasyon",
  }),
  "3.1.7": leaf("MADAC", 60, {
    en:
      "Organize at least one community-based IEC activity on drug abuse prevention during the year and document it in an activity report.",
    fil:
      "Magsagawa ng hindi bababa sa isang community-based na IEC tungkol sa pag-iwas sa droga sa loob ng taon at idokumento ito sa activity report.",
  }, {
    en: "the activity report of the IEC campaign prepared by the BADAC",
    fil: "activity report ng IEC campaign na inihanda ng BADAC",
  }),
  "3.1.8": leaf("PNP", 90, {
    en:
      "Submit the Consolidated Information Report to the C/MADAC and the local PNP unit each quarter, keeping the transmittals, until three quarters are covered.",
    fil:
      "Isumite bawat quarter ang Consolidated Information Report sa C/MADAC at sa lokal na PNP, at itago ang mga transmittal, hanggang masaklaw ang tatlong quarter.",
  }, {
    en:
      "three CIR transmittals received by the C/MADAC and PNP and the certification on the submitted CIRs",
    fil:
      "tatlong transmittal ng CIR na tinanggap ng C/MADAC at PNP at sertipikasyon sa mga naisumiteng CIR",
  }),
  "3.1.9": leaf("MADAC", 60, {
    en:
      "Set up the referral system for persons who used drugs with the C/M health office and the C/MADAC, and keep BADAC Form 4 (Unified Barangay Report on CBDRP) up to date.",
    fil:
      "Itatag ang referral system para sa mga taong gumamit ng droga kasama ang tanggapan ng kalusugan at C/MADAC, at panatilihing napapanahon ang BADAC Form 4 (Unified Barangay Report on CBDRP).",
  }, {
    en: "the accomplished BADAC Form 4 (Unified Barangay Report on CBDRP)",
    fil: "nasagutang BADAC Form 4 (Unified Barangay Report on CBDRP)",
  }),
  "3.1.10": leaf("MADAC", 90, {
    en:
      "Hold BADAC meetings every month with a written agenda and minutes, and schedule them for the rest of the year.",
    fil:
      "Magpulong ang BADAC bawat buwan na may nakasulat na agenda at katitikan, at itakda ang mga pulong para sa natitirang bahagi ng taon.",
  }, {
    en: "the minutes of the BADAC's monthly meetings with attendance",
    fil: "katitikan ng buwanang pulong ng BADAC kasama ang attendance",
  }),
  "3.2.1": leaf("MLGOO", 30, {
    en:
      "Issue an executive order organizing the BPOC with the composition of EO No. 366, s. 1996, covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng BPOC ayon sa komposisyon ng EO Blg. 366, s. 1996, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the BPOC",
    fil: "executive order o katulad na kautusan na bumubuo ng BPOC",
  }),
  "3.2.2": leaf("MLGOO", 60, {
    en:
      "Formulate the Barangay Peace and Order and Public Safety Plan for the year following DILG MC 2017-142 and have the BPOC approve it.",
    fil:
      "Buuin ang Barangay Peace and Order and Public Safety Plan para sa taon ayon sa DILG MC 2017-142 at ipaaprubahan sa BPOC.",
  }, {
    en: "the approved BPOPS Plan for the year",
    fil: "aprobadong BPOPS Plan para sa taon",
  }),
  "3.2.3": leaf("MLGOO", 90, {
    en:
      "Implement the BPOPS Plan's programs so that at least 50% of the physical targets are accomplished or at least 50% of its fund is utilized; review progress at each BPOC meeting.",
    fil:
      "Ipatupad ang mga programa ng BPOPS Plan upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo nito; suriin ang progreso sa bawat pulong ng BPOC.",
  }, {
    en:
      "the accomplishment report with the status of the BPOPS Plan's programs, physical and financial",
    fil:
      "accomplishment report na may kalagayan ng mga programa ng BPOPS Plan, pisikal at pinansyal",
  }),
  "3.3.1": leaf("MLGOO", 30, {
    en:
      "Complete the Lupong Tagapamayapa: appoint at least ten members and have each take the oath (KP Form #5).",
    fil:
      "Buuin ang Lupong Tagapamayapa: magtalaga ng hindi bababa sa sampung miyembro at panumpain ang bawat isa (KP Form #5).",
  }, {
    en: "at least ten KP Forms #5 (oath of office of the Lupon members)",
    fil: "hindi bababa sa sampung KP Form #5 (panunumpa ng mga miyembro ng Lupon)",
  }),
  "3.3.2": leaf("MLGOO", 30, {
    en:
      "Keep a systematic record of Katarungang Pambarangay cases, computerized or in a manual logbook, filed by case number.",
    fil:
      "Magtala nang maayos ng mga kaso ng Katarungang Pambarangay, sa computer o sa manwal na logbook, nakaayos ayon sa numero ng kaso.",
  }, {
    en:
      "two captioned photos of the computerized records or one captioned photo of the manual records",
    fil:
      "dalawang larawan na may caption ng computerized na rekord o isang larawan na may caption ng manwal na rekord",
  }),
  "3.3.3": leaf("MLGOO", 90, {
    en:
      "Hold monthly meetings of the Lupon for the administration of the Katarungang Pambarangay, with minutes and attendance, for the rest of the year.",
    fil:
      "Magpulong buwan-buwan ang Lupon para sa pangangasiwa ng Katarungang Pambarangay, may katitikan at attendance, para sa natitirang bahagi ng taon.",
  }, {
    en: "the minutes of the Lupon's monthly meetings with attendance",
    fil: "katitikan ng buwanang pulong ng Lupon kasama ang attendance",
  }),
  "3.3.4": leaf("MLGOO", 90, {
    en:
      "Send Lupon members to a Katarungang Pambarangay training or seminar (ask the C/MLGOO for the next schedule).",
    fil:
      "Ipadala ang mga miyembro ng Lupon sa pagsasanay o seminar sa Katarungang Pambarangay (itanong sa C/MLGOO ang susunod na iskedyul).",
  }, {
    en:
      "at least one proof of training, such as a certificate of completion or participation, dated not earlier than 2020",
    fil:
      "hindi bababa sa isang patunay ng pagsasanay, tulad ng sertipiko ng pagtatapos o paglahok, na may petsang hindi mas maaga sa 2020",
  }),
  "3.4.1": leaf("PNP", 30, {
    en:
      "Issue an executive order organizing the Barangay Tanod with the composition of DILG MC No. 2003-42, covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng Barangay Tanod ayon sa DILG MC Blg. 2003-42, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the Barangay Tanod",
    fil: "executive order o katulad na kautusan na bumubuo ng Barangay Tanod",
  }),
  "3.4.2": leaf("PNP", 90, {
    en:
      "Send the barangay tanods to the training they need (e.g. basic tanod training with the local PNP).",
    fil:
      "Ipadala ang mga tanod sa kinakailangang pagsasanay (hal. basic tanod training kasama ang lokal na PNP).",
  }, {
    en: "at least one proof of training, such as a certificate, dated not earlier than 2020",
    fil:
      "hindi bababa sa isang patunay ng pagsasanay, tulad ng sertipiko, na may petsang hindi mas maaga sa 2020",
  }),
  "3.5.1": leaf("MHO", 30, {
    en:
      "Issue an executive order organizing the BHERT with the composition of DILG MC No. 2020-023, covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng BHERT ayon sa DILG MC Blg. 2020-023, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the BHERT",
    fil: "executive order o katulad na kautusan na bumubuo ng BHERT",
  }),
  "3.5.2": leaf("BLGU", 15, {
    en:
      "Post a poster or tarpaulin with the active phone numbers of the barangay, the Punong Barangay and the BHERT members in conspicuous places, and on the barangay's social media.",
    fil:
      "Magpaskil ng poster o tarpaulin ng aktibong numero ng telepono ng barangay, ng Punong Barangay at ng mga miyembro ng BHERT sa mga lugar na kita ng lahat, at sa social media ng barangay.",
  }, {
    en: "two photos of the poster or tarpaulin, or a screenshot of the social media posting",
    fil: "dalawang larawan ng poster o tarpaulin, o screenshot ng post sa social media",
  }),
  "3.6.1": leaf("MLGOO", 90, {
    en:
      "Conduct Barangay Road Clearing Operations every month (remove obstructions and illegal structures on roads and sidewalks) and file a monthly BaRCO report.",
    fil:
      "Magsagawa ng Barangay Road Clearing Operations buwan-buwan (alisin ang mga sagabal at ilegal na istruktura sa kalsada at bangketa) at gumawa ng buwanang ulat ng BaRCO.",
  }, {
    en: "three monthly BaRCO reports covering the months the notes ask for",
    fil: "tatlong buwanang ulat ng BaRCO para sa mga buwang hinihingi",
  }),

  // 4 Social Protection and Sensitivity -----------------------------------------------------
  "4.1.1": leaf("MSWDO", 30, {
    en:
      "Establish the Barangay VAW Desk and designate a VAW Desk Officer by executive order, covering January to October of the year under review.",
    fil:
      "Itatag ang Barangay VAW Desk at magtalaga ng VAW Desk Officer sa pamamagitan ng executive order, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en:
      "the executive order or similar issuance establishing the VAW Desk and designating its officer",
    fil:
      "executive order o katulad na kautusan na nagtatatag ng VAW Desk at nagtatalaga ng opisyal nito",
  }),
  "4.1.2": leaf("MSWDO", 90, {
    en:
      "Send the VAW Desk Officer to at least one training or orientation on gender-sensitive handling of VAW cases (ask the C/MSWDO for the schedule).",
    fil:
      "Ipadala ang VAW Desk Officer sa hindi bababa sa isang pagsasanay o oryentasyon sa gender-sensitive na paghawak ng kaso ng VAW (itanong sa C/MSWDO ang iskedyul).",
  }, {
    en: "at least one proof of training, such as a certificate, dated not earlier than 2020",
    fil:
      "hindi bababa sa isang patunay ng pagsasanay, tulad ng sertipiko, na may petsang hindi mas maaga sa 2020",
  }),
  "4.1.3": leaf("MSWDO", 60, {
    en:
      "Prepare the Barangay GAD Plan and Budget for the year, have it reviewed and endorsed by the C/M GAD focal point, and approved.",
    fil:
      "Ihanda ang Barangay GAD Plan and Budget para sa taon, ipasuri at ipa-endorse sa C/M GAD focal point, at ipaaprubahan.",
  }, {
    en: "the approved Barangay GAD Plan and Budget for the year",
    fil: "aprobadong Barangay GAD Plan and Budget para sa taon",
  }),
  "4.1.4": leaf("MSWDO", 30, {
    en:
      "Prepare the VAW Desk's quarterly accomplishment reports from the records of VAW cases reported in the barangay, and submit them to the C/MSWDO.",
    fil:
      "Ihanda ang quarterly accomplishment report ng VAW Desk mula sa rekord ng mga kaso ng VAW sa barangay, at isumite sa C/MSWDO.",
  }, {
    en:
      "the accomplishment report covering the 1st to 3rd quarters with the C/MSWDO's received stamp",
    fil:
      'accomplishment report para sa ika-1 hanggang ika-3 quarter na may tatak na "received" ng C/MSWDO',
  }),
  "4.1.5": leaf("MSWDO", 30, {
    en:
      "Keep an updated database of VAW cases reported to the barangay with at least the information the notes require (case, victim and respondent profile, action taken, referral).",
    fil:
      "Panatilihing napapanahon ang database ng mga kaso ng VAW sa barangay na may hindi bababa sa impormasyong hinihingi (kaso, profile ng biktima at inirereklamo, aksyong ginawa, referral).",
  }, {
    en: "a copy of the report generated from the database, or a screenshot of it",
    fil: "kopya ng ulat mula sa database, o screenshot nito",
  }),
  "4.1.6": leaf("MSWDO", 90, {
    en:
      "Implement the GAD Plan's activities and use the GAD budget so that at least 50% of the physical targets are accomplished or at least 50% of the fund is utilized.",
    fil:
      "Ipatupad ang mga gawain ng GAD Plan at gamitin ang badyet ng GAD upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo.",
  }, {
    en: "the GAD accomplishment report and the certification on the submitted report",
    fil: "GAD accomplishment report at sertipikasyon sa naisumiteng ulat",
  }),
  "4.2.1": leaf("MHO", 180, {
    en:
      "Establish or maintain a Barangay Health Station/Center with the C/M Health Office; where the barangay shares one, secure the certification for the clustered BHS/C.",
    fil:
      "Magtatag o panatilihin ang Barangay Health Station/Center kasama ang C/M Health Office; kung kahati sa iba, kumuha ng sertipikasyon para sa clustered BHS/C.",
  }, {
    en: "a photo of the BHS/C showing its name, or the C/MHO's certification for a clustered BHS/C",
    fil: "larawan ng BHS/C na kita ang pangalan, o sertipikasyon ng C/MHO para sa clustered BHS/C",
  }),
  "4.2.3": leaf("MNAO", 30, {
    en:
      "Appoint a Barangay Nutrition Scholar by executive order, in coordination with the C/M Nutrition Action Officer.",
    fil:
      "Magtalaga ng Barangay Nutrition Scholar sa pamamagitan ng executive order, kasama ang C/M Nutrition Action Officer.",
  }, {
    en: "the executive order or similar issuance appointing the Barangay Nutrition Scholar",
    fil: "executive order o katulad na kautusan na nagtatalaga ng Barangay Nutrition Scholar",
  }),
  "4.2.4": leaf("MHO", 60, {
    en:
      "With the C/M Health Office, make the required health services available at the BHS/C (e.g. maternal care, immunization, family planning) on a regular schedule.",
    fil:
      "Kasama ang C/M Health Office, tiyaking may mga kinakailangang serbisyong pangkalusugan sa BHS/C (hal. pangangalaga sa ina, bakuna, family planning) sa regular na iskedyul.",
  }, {
    en: "the certification on the provision of health services at the BHS/C",
    fil: "sertipikasyon sa pagbibigay ng serbisyong pangkalusugan sa BHS/C",
  }),
  "4.3.1": leaf("MPDO", 30, {
    en:
      "Issue an executive order organizing the BDC with the composition of Section 107 of RA 7160 (including CSO representatives making up at least a fourth), covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng BDC ayon sa Seksyon 107 ng RA 7160 (kasama ang mga kinatawan ng CSO na hindi bababa sa ikaapat na bahagi), para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the BDC",
    fil: "executive order o katulad na kautusan na bumubuo ng BDC",
  }),
  "4.3.2": leaf("MPDO", 60, {
    en:
      "Hold BDC meetings, public hearings or barangay assemblies to consult the public on the development plan, with minutes and attendance.",
    fil:
      "Magdaos ng pulong ng BDC, pampublikong pagdinig o barangay assembly upang konsultahin ang publiko sa plano ng kaunlaran, may katitikan at attendance.",
  }, {
    en: "the post-activity reports or minutes with attendance",
    fil: "post-activity report o katitikan kasama ang attendance",
  }),
  "4.3.3": leaf("MPDO", 90, {
    en:
      "Prepare the Barangay Development Plan for the year with the C/MPDO's guidance, have the BDC approve it and the Sangguniang Barangay adopt it by resolution.",
    fil:
      "Ihanda ang Barangay Development Plan para sa taon sa gabay ng C/MPDO, ipaaprubahan sa BDC at ipaadopt sa Sangguniang Barangay sa pamamagitan ng resolusyon.",
  }, {
    en:
      "the approved Barangay Development Plan and the Sangguniang Barangay resolution adopting it",
    fil:
      "aprobadong Barangay Development Plan at resolusyon ng Sangguniang Barangay na nag-aadopt dito",
  }),
  "4.3.4": leaf("MPDO", 90, {
    en:
      "Implement the Barangay Development Plan's projects so that at least 50% of the physical targets are accomplished or at least 50% of the fund is utilized, and report it to the C/MPDO.",
    fil:
      "Ipatupad ang mga proyekto ng Barangay Development Plan upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo, at iulat ito sa C/MPDO.",
  }, {
    en: "the physical or financial accomplishment report with the C/MPDO's received stamp",
    fil: 'pisikal o pinansyal na accomplishment report na may tatak na "received" ng C/MPDO',
  }),
  "4.4.1": leaf("PESO", 30, {
    en:
      "Set up the Kasambahay Desk and designate a Kasambahay Desk Officer by executive order, covering January to October of the year under review.",
    fil:
      "Itatag ang Kasambahay Desk at magtalaga ng Kasambahay Desk Officer sa pamamagitan ng executive order, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en:
      "the executive order or similar issuance creating the Kasambahay Desk and designating its officer",
    fil:
      "executive order o katulad na kautusan na lumilikha ng Kasambahay Desk at nagtatalaga ng opisyal nito",
  }),
  "4.4.2": leaf("PESO", 30, {
    en:
      "Register the kasambahays working in the barangay and keep the Kasambahay Masterlist updated every quarter.",
    fil:
      "Irehistro ang mga kasambahay na nagtatrabaho sa barangay at i-update ang Kasambahay Masterlist bawat quarter.",
  }, {
    en: "the updated Kasambahay report for July to September",
    fil: "na-update na ulat ng Kasambahay para sa Hulyo hanggang Setyembre",
  }),
  "4.5.1": leaf("MSWDO", 30, {
    en:
      "Issue an executive order organizing the BCPC with the composition of DILG MC No. 2021-039, covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng BCPC ayon sa DILG MC Blg. 2021-039, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the BCPC",
    fil: "executive order o katulad na kautusan na bumubuo ng BCPC",
  }),
  "4.5.2": leaf("MSWDO", 90, {
    en:
      "Send BCPC members to a training or orientation on their functions (ask the C/MSWDO for the schedule).",
    fil:
      "Ipadala ang mga miyembro ng BCPC sa pagsasanay o oryentasyon sa kanilang tungkulin (itanong sa C/MSWDO ang iskedyul).",
  }, {
    en: "at least one proof of training, such as a certificate, dated not earlier than 2020",
    fil:
      "hindi bababa sa isang patunay ng pagsasanay, tulad ng sertipiko, na may petsang hindi mas maaga sa 2020",
  }),
  "4.5.3": leaf("MSWDO", 60, {
    en:
      "Prepare the BCPC Annual Work and Financial Plan for the year and have the BCPC approve it.",
    fil: "Ihanda ang BCPC Annual Work and Financial Plan para sa taon at ipaaprubahan sa BCPC.",
  }, {
    en: "the approved BCPC Annual Work and Financial Plan",
    fil: "aprobadong BCPC Annual Work and Financial Plan",
  }),
  "4.5.4": leaf("MSWDO", 60, {
    en:
      "Build and keep updated a database of the barangay's children disaggregated by age, sex, ethnicity, disability and out-of-school status.",
    fil:
      "Bumuo at panatilihing napapanahon ang database ng mga bata sa barangay ayon sa edad, kasarian, etnisidad, kapansanan at pagiging out-of-school.",
  }, {
    en: "a copy of the report generated from the children's database, or a screenshot of it",
    fil: "kopya ng ulat mula sa database ng mga bata, o screenshot nito",
  }),
  "4.5.5": leaf("MSWDO", 60, {
    en:
      "Put the child protection system in place: an updated localized referral flow chart, the Comprehensive Barangay Juvenile Intervention Program and the Juvenile Justice and Welfare records the notes list.",
    fil:
      "Itatag ang sistema ng proteksyon ng bata: na-update na lokal na flow chart ng referral, Comprehensive Barangay Juvenile Intervention Program at mga rekord ng Juvenile Justice and Welfare na hinihingi.",
  }, {
    en:
      "the updated localized referral flow chart, the Comprehensive Barangay Juvenile Intervention Program and the Juvenile Justice and Welfare documents",
    fil:
      "na-update na lokal na flow chart ng referral, Comprehensive Barangay Juvenile Intervention Program at mga dokumento ng Juvenile Justice and Welfare",
  }),
  "4.5.6": leaf("MSWDO", 90, {
    en:
      "Implement the BCPC's plan so that at least 50% of the physical targets are accomplished or at least 50% of its fund is utilized.",
    fil:
      "Ipatupad ang plano ng BCPC upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo nito.",
  }, {
    en: "the approved accomplishment report on the BCPC's activities",
    fil: "aprobadong accomplishment report sa mga gawain ng BCPC",
  }),
  "4.6.1": leaf("MSWDO", 30, {
    en:
      "Organize the Barangay GAD Focal Point System by executive order, covering January to October of the year under review.",
    fil:
      "Buuin ang Barangay GAD Focal Point System sa pamamagitan ng executive order, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the GAD Focal Point System",
    fil: "executive order o katulad na kautusan na bumubuo ng GAD Focal Point System",
  }),
  "4.7.1": leaf("MLGOO", 60, {
    en:
      "Update the Record of Barangay Inhabitants for the first semester (house-to-house where needed) and report it to the C/MLGOO.",
    fil:
      "I-update ang Record of Barangay Inhabitants para sa unang semestre (bahay-bahay kung kailangan) at iulat sa C/MLGOO.",
  }, {
    en: "RBI Monitoring Form C, or the list of barangays with updated RBI for the first semester",
    fil:
      "RBI Monitoring Form C, o listahan ng mga barangay na may na-update na RBI para sa unang semestre",
  }),
  "4.8.1": leaf("MNAO", 30, {
    en:
      "Issue an executive order organizing the Barangay Nutrition Committee, covering January to October of the year under review.",
    fil:
      "Maglabas ng executive order na bumubuo ng Barangay Nutrition Committee, para sa Enero hanggang Oktubre ng taong sinusuri.",
  }, {
    en: "the executive order or similar issuance organizing the BNC",
    fil: "executive order o katulad na kautusan na bumubuo ng BNC",
  }),
  "4.8.2": leaf("MNAO", 60, {
    en:
      "Formulate the Barangay Nutrition Action Plan for the year with the C/M Nutrition Action Officer and have the BNC sign and approve it.",
    fil:
      "Buuin ang Barangay Nutrition Action Plan para sa taon kasama ang C/M Nutrition Action Officer at ipapirma at ipaaprubahan sa BNC.",
  }, {
    en: "the approved BNAP signed by the BNC",
    fil: "aprobadong BNAP na pirmado ng BNC",
  }),
  "4.8.3": leaf("MHO", 180, {
    en:
      "Run the nutrition interventions (supplementary feeding, micronutrient supplementation, nutrition counselling) for the children identified in Operation Timbang Plus so that underweight, stunting and wasting decrease.",
    fil:
      "Isagawa ang mga programa sa nutrisyon (supplementary feeding, micronutrient supplementation, payo sa nutrisyon) para sa mga batang natukoy sa Operation Timbang Plus upang bumaba ang underweight, stunting at wasting.",
  }, {
    en:
      "the Operation Timbang Plus Form 1A and the C/MHO's certification on the decrease in prevalence rate",
    fil: "Operation Timbang Plus Form 1A at sertipikasyon ng C/MHO sa pagbaba ng prevalence rate",
  }),
  "4.8.4": leaf("MNAO", 90, {
    en:
      "Implement the BNAP's activities so that at least 50% of the physical targets are accomplished or at least 50% of its fund is utilized.",
    fil:
      "Ipatupad ang mga gawain ng BNAP upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo nito.",
  }, {
    en: "the accomplishment report on the BNAP and the certification on the submitted report",
    fil: "accomplishment report sa BNAP at sertipikasyon sa naisumiteng ulat",
  }),

  // 5 Business-Friendliness and Competitiveness ---------------------------------------------
  "5.1.1": leaf("MTO", 90, {
    en:
      "Enact a Barangay Tax Ordinance under Section 129 of the Local Government Code (taxes, fees and charges the barangay may levy), after a public hearing, and have it reviewed by the Sangguniang Panlungsod/Bayan.",
    fil:
      "Magpasa ng Barangay Tax Ordinance ayon sa Seksyon 129 ng Local Government Code (mga buwis, bayarin at singil na maaaring ipataw ng barangay), matapos ang pampublikong pagdinig, at ipasuri sa Sangguniang Panlungsod/Bayan.",
  }, {
    en:
      "the enacted Barangay Tax Ordinance signed by the Punong Barangay and the Sangguniang Barangay members",
    fil: "naipasang Barangay Tax Ordinance na pirmado ng Punong Barangay at mga kagawad",
  }),
  "5.2.1": leaf("BPLO", 90, {
    en:
      "Enact an ordinance on barangay clearance fees for business permits and locational clearances for building permits, as DILG MC No. 2019-177 prescribes, in line with the Ease of Doing Business Law.",
    fil:
      "Magpasa ng ordinansa sa bayad sa barangay clearance para sa business permit at locational clearance para sa building permit, ayon sa DILG MC Blg. 2019-177, alinsunod sa Ease of Doing Business Law.",
  }, {
    en:
      "the enacted Barangay Ordinance signed by the Punong Barangay and the Sangguniang Barangay members",
    fil: "naipasang Barangay Ordinance na pirmado ng Punong Barangay at mga kagawad",
  }),
  "5.2.2": leaf("MTO", 60, {
    en:
      "Pass a resolution authorizing the C/M Treasurer to collect the barangay clearance fees for business permits and locational clearances, so applicants pay once at the business one-stop shop.",
    fil:
      "Magpasa ng resolusyon na nagbibigay-pahintulot sa C/M Treasurer na kolektahin ang bayad sa barangay clearance para sa business permit at locational clearance, upang minsan lang magbayad ang aplikante sa business one-stop shop.",
  }, {
    en: "the approved resolution authorizing the C/M Treasurer to collect the fees",
    fil: "aprobadong resolusyon na nagbibigay-pahintulot sa C/M Treasurer na kolektahin ang bayad",
  }),
  "5.3.1": leaf("BLGU", 15, {
    en:
      "Post a Citizens' Charter on the issuance of barangay clearances (residency, indigency and the like) in the barangay hall, with requirements, steps, fees and processing time.",
    fil:
      "Magpaskil sa barangay hall ng Citizens' Charter sa pag-isyu ng barangay clearance (residency, indigency at iba pa), kasama ang kailangang dokumento, hakbang, bayad at tagal ng proseso.",
  }, {
    en: "a photo of the Citizens' Charter on barangay clearances posted in the barangay hall",
    fil: "larawan ng Citizens' Charter sa barangay clearance na nakapaskil sa barangay hall",
  }),

  // 6 Environmental Management --------------------------------------------------------------
  "6.1.1": leaf("MENRO", 30, {
    en:
      "Issue an executive order organizing the BESWMC with the composition of DILG MC No. 2018-112.",
    fil: "Maglabas ng executive order na bumubuo ng BESWMC ayon sa DILG MC Blg. 2018-112.",
  }, {
    en: "the executive order or similar issuance organizing the BESWMC",
    fil: "executive order o katulad na kautusan na bumubuo ng BESWMC",
  }),
  "6.1.2": leaf("MENRO", 60, {
    en:
      "Prepare the barangay's Solid Waste Management Program or Plan for the year with its fund allocation, with the C/MENRO's guidance, and have it approved.",
    fil:
      "Ihanda ang Solid Waste Management Program o Plan ng barangay para sa taon kasama ang alokasyon ng pondo, sa gabay ng C/MENRO, at ipaaprubahan.",
  }, {
    en: "the approved Solid Waste Management Program or Plan with its fund allocation",
    fil: "aprobadong Solid Waste Management Program o Plan kasama ang alokasyon ng pondo",
  }),
  "6.1.3": leaf("MENRO", 90, {
    en:
      "Send BESWMC members to a training on environmental protection, preservation and awareness (ask the C/MENRO for the schedule).",
    fil:
      "Ipadala ang mga miyembro ng BESWMC sa pagsasanay sa pangangalaga at kamalayan sa kapaligiran (itanong sa C/MENRO ang iskedyul).",
  }, {
    en: "at least one proof of training, such as a certificate, dated not earlier than 2020",
    fil:
      "hindi bababa sa isang patunay ng pagsasanay, tulad ng sertipiko, na may petsang hindi mas maaga sa 2020",
  }),
  "6.1.4": leaf("MENRO", 90, {
    en:
      "Implement the solid waste management plan so that at least 50% of the physical targets are accomplished or at least 50% of the fund is utilized, and file a monthly accomplishment report.",
    fil:
      "Ipatupad ang plano sa solid waste management upang maabot ang hindi bababa sa 50% ng pisikal na target o magamit ang hindi bababa sa 50% ng pondo, at gumawa ng buwanang accomplishment report.",
  }, {
    en: "three monthly accomplishment reports covering July to September",
    fil: "tatlong buwanang accomplishment report para sa Hulyo hanggang Setyembre",
  }),
  "6.2.1": leaf("MENRO", 180, {
    en:
      "Establish a Materials Recovery Facility or System (own MRF, or agreements with a junkshop and a service provider), with a mechanism to process biodegradable waste.",
    fil:
      "Magtatag ng Materials Recovery Facility o System (sariling MRF, o kasunduan sa junkshop at service provider), kasama ang paraan ng pagproseso ng nabubulok na basura.",
  }, {
    en:
      "photos of the MRF and its records, or the MOAs with a junkshop and a service provider, and proof of the mechanism for biodegradable waste",
    fil:
      "larawan ng MRF at mga rekord nito, o mga MOA sa junkshop at service provider, at patunay ng paraan ng pagproseso ng nabubulok na basura",
  }),
  "6.3.1": leaf("MENRO", 60, {
    en:
      "Enact an ordinance or similar issuance requiring the segregation of wastes at source, with the schedule of segregated collection and penalties.",
    fil:
      "Magpasa ng ordinansa o katulad na kautusan na nag-uutos ng paghihiwalay ng basura mula sa pinagmulan, kasama ang iskedyul ng hiwalay na pangongolekta at mga parusa.",
  }, {
    en: "the ordinance or similar issuance on segregation at source, signed by the Punong Barangay",
    fil: "ordinansa o katulad na kautusan sa paghihiwalay ng basura, pirmado ng Punong Barangay",
  }),
};
