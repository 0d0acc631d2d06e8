// Councils in the demo: real councils of England and Wales, every type and region represented, chosen from
// the full list in all-councils.ts (which `npm run seed:scale` seeds whole).
// In production the association loads the councils that join (see README, "Reference data").
import { councilNamed, type CouncilSeed } from "./all-councils";

export type { CouncilSeed };

// lastElection: the most recent ordinary election (first Thursday in May) for seeding plausible dates.
// The order matters: the demo seed varies its councils by their place in this list.
export const DEMO_COUNCILS: CouncilSeed[] = [
  "Kent County Council",
  "Lancashire County Council",
  "Norfolk County Council",
  "Derbyshire County Council",
  "Cambridge City Council",
  "Oxford City Council",
  "Pendle Borough Council",
  "Cheltenham Borough Council",
  "Nuneaton and Bedworth Borough Council",
  "Bristol City Council",
  "Leicester City Council",
  "Cornwall Council",
  "Durham County Council",
  "Herefordshire Council",
  "Hull City Council",
  "Manchester City Council",
  "Birmingham City Council",
  "Leeds City Council",
  "City of Bradford Metropolitan District Council",
  "Sunderland City Council",
  "London Borough of Tower Hamlets",
  "London Borough of Camden",
  "Royal Borough of Greenwich",
  "Cardiff Council",
  "Swansea Council",
  "Cyngor Gwynedd",
  "Wrexham County Borough Council",
  "Powys County Council",
].map(councilNamed);

export function slugify(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
