import { db } from "~/utils/db.server";

export const COUNCIL_TYPES = {
  county: "County council",
  district: "District council",
  unitary: "Unitary authority",
  "metropolitan-borough": "Metropolitan borough",
  "london-borough": "London borough",
  "welsh-principal": "Welsh principal council",
} as const;
export type CouncilType = keyof typeof COUNCIL_TYPES;

export type CouncilOption = { id: string; name: string; welshName: string | null; type: string; region: string };

/** Every council, by name: small enough (a few hundred at most) to list in full. */
export async function listCouncils(): Promise<CouncilOption[]> {
  return db.council.findMany({
    select: { id: true, name: true, welshName: true, type: true, region: true },
    orderBy: { name: "asc" },
  });
}

export async function getCouncil(id: string) {
  return db.council.findUnique({ where: { id }, select: { id: true, name: true, type: true, region: true, nation: true } });
}

/** Finds a council by the name someone typed or picked, in English or Welsh, ignoring case and extra spaces. */
export async function findCouncilByName(name: string) {
  const wanted = normaliseCouncilName(name);
  const councils = await listCouncils();
  return (
    councils.find((council) => [council.name, council.welshName].some((known) => known && normaliseCouncilName(known) === wanted)) ?? null
  );
}

function normaliseCouncilName(name: string) {
  // Stryker disable next-line MethodExpression: both sides are normalised alike, so upper case would find the same councils
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
