// Councils in the demo: real councils of England and Wales, every type and region represented.
// In production the association loads the councils that join (see README, "Reference data").
import type { CouncilType } from "~/models/council.server";

export type CouncilSeed = {
  name: string;
  welshName?: string;
  type: CouncilType;
  region: string;
  nation: "england" | "wales";
  lastElection: string;
};

// lastElection: the most recent ordinary election (first Thursday in May) for seeding plausible dates.
export const DEMO_COUNCILS: CouncilSeed[] = [
  { name: "Kent County Council", type: "county", region: "South East", nation: "england", lastElection: "2025-05-01" },
  { name: "Lancashire County Council", type: "county", region: "North West", nation: "england", lastElection: "2025-05-01" },
  { name: "Norfolk County Council", type: "county", region: "East of England", nation: "england", lastElection: "2025-05-01" },
  { name: "Derbyshire County Council", type: "county", region: "East Midlands", nation: "england", lastElection: "2025-05-01" },
  { name: "Cambridge City Council", type: "district", region: "East of England", nation: "england", lastElection: "2026-05-07" },
  { name: "Oxford City Council", type: "district", region: "South East", nation: "england", lastElection: "2026-05-07" },
  { name: "Pendle Borough Council", type: "district", region: "North West", nation: "england", lastElection: "2026-05-07" },
  { name: "Cheltenham Borough Council", type: "district", region: "South West", nation: "england", lastElection: "2024-05-02" },
  { name: "Nuneaton and Bedworth Borough Council", type: "district", region: "West Midlands", nation: "england", lastElection: "2026-05-07" },
  { name: "Bristol City Council", type: "unitary", region: "South West", nation: "england", lastElection: "2024-05-02" },
  { name: "Leicester City Council", type: "unitary", region: "East Midlands", nation: "england", lastElection: "2023-05-04" },
  { name: "Cornwall Council", type: "unitary", region: "South West", nation: "england", lastElection: "2025-05-01" },
  { name: "Durham County Council", type: "unitary", region: "North East", nation: "england", lastElection: "2025-05-01" },
  { name: "Herefordshire Council", type: "unitary", region: "West Midlands", nation: "england", lastElection: "2023-05-04" },
  { name: "Hull City Council", type: "unitary", region: "Yorkshire and the Humber", nation: "england", lastElection: "2026-05-07" },
  { name: "Manchester City Council", type: "metropolitan-borough", region: "North West", nation: "england", lastElection: "2026-05-07" },
  { name: "Birmingham City Council", type: "metropolitan-borough", region: "West Midlands", nation: "england", lastElection: "2022-05-05" },
  { name: "Leeds City Council", type: "metropolitan-borough", region: "Yorkshire and the Humber", nation: "england", lastElection: "2026-05-07" },
  { name: "City of Bradford Metropolitan District Council", type: "metropolitan-borough", region: "Yorkshire and the Humber", nation: "england", lastElection: "2026-05-07" },
  { name: "Sunderland City Council", type: "metropolitan-borough", region: "North East", nation: "england", lastElection: "2026-05-07" },
  { name: "London Borough of Tower Hamlets", type: "london-borough", region: "London", nation: "england", lastElection: "2026-05-07" },
  { name: "London Borough of Camden", type: "london-borough", region: "London", nation: "england", lastElection: "2026-05-07" },
  { name: "Royal Borough of Greenwich", type: "london-borough", region: "London", nation: "england", lastElection: "2026-05-07" },
  { name: "Cardiff Council", welshName: "Cyngor Caerdydd", type: "welsh-principal", region: "Wales", nation: "wales", lastElection: "2022-05-05" },
  { name: "Swansea Council", welshName: "Cyngor Abertawe", type: "welsh-principal", region: "Wales", nation: "wales", lastElection: "2022-05-05" },
  { name: "Cyngor Gwynedd", type: "welsh-principal", region: "Wales", nation: "wales", lastElection: "2022-05-05" },
  { name: "Wrexham County Borough Council", welshName: "Cyngor Bwrdeistref Sirol Wrecsam", type: "welsh-principal", region: "Wales", nation: "wales", lastElection: "2022-05-05" },
  { name: "Powys County Council", welshName: "Cyngor Sir Powys", type: "welsh-principal", region: "Wales", nation: "wales", lastElection: "2022-05-05" },
];

export function slugify(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
