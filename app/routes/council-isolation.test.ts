// An officer never sees another council's data, whatever the address or query asks for. Generated from the
// route files: every council page and export (council.*) is asked, by an officer of one council, about a
// second council's member (one who sits on both councils), committee and requirement. A route naming them in
// its path answers 404; a route reading them from its query answers 404 or leaves them out: nothing in what it
// returns names the second council's people. A new council report is checked the day its file is added.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf, routeFiles } from "../../tests/route-helpers";
import { db } from "~/utils/db.server";

/** Reports and exports: asked about another council's committee or requirement, they answer 404. */
const REPORTS = ["council.report.tsx", "council.report[.]csv.ts"];

function councilRoutes() {
  return routeFiles().filter((file) => /^council[._]/.test(file));
}

async function bodyOf(result: unknown) {
  if (result instanceof Response) return result.text();
  return JSON.stringify(result ?? null);
}

test("every council page and export refuses, or leaves out, another council's people, committees and requirements", async () => {
  const own = await createCouncil();
  const other = await createCouncil();
  // Gwen sits on both councils; Zed only on the other
  const gwen = await createUser({ councilId: own.id, name: "Gwen Both-Councils" });
  const gwenThere = await addMembership({ userId: gwen.id, councilId: other.id });
  await createUser({ councilId: other.id, name: "Zed Other-Council" });
  const officerThere = await createUser({ role: "officer", councilId: other.id });
  const committee = await db.committee.create({ data: { councilId: other.id, name: "Their licensing committee" } });
  await db.committeeMembership.create({ data: { committeeId: committee.id, membershipId: gwenThere.id, role: "member", appointedOn: new Date("2026-05-20") } });
  const requirement = await db.requirement.create({
    data: { councilId: other.id, name: "Their licensing training", audience: "all", dueRule: "after-election", dueWithinDays: 30, createdById: officerThere.id },
  });
  const context = await contextFor("officer", own.id);
  const theirs = { membershipId: gwenThere.id, committeeId: committee.id, requirementId: requirement.id };
  const query = new URLSearchParams({ ...theirs, councilId: other.id }).toString();

  const routes = councilRoutes();
  expect(routes).toEqual(expect.arrayContaining(REPORTS));
  for (const file of routes) {
    const module = (await import(`./${file}`)) as { loader?: (args: LoaderFunctionArgs) => unknown };
    if (!module.loader) continue;
    const names = [...file.matchAll(/\$(\w+)/g)].map((match) => match[1]!);
    const params = Object.fromEntries(names.map((name) => [name, theirs[name as keyof typeof theirs] ?? "x"]));
    const result = await outcomeOf(() => module.loader!(argsFor(`/council/anything?${query}`, context, { params })));
    const status = result instanceof Response ? result.status : 200;
    if (names.length > 0) {
      expect(status, `${file} asked about another council's ${names.join(", ")}`).toBe(404);
      continue;
    }
    if (REPORTS.includes(file)) {
      for (const asked of ["committeeId", "requirementId"] as const) {
        const one = await outcomeOf(() => module.loader!(argsFor(`/council/anything?${asked}=${theirs[asked]}`, context, { params })));
        expect(one instanceof Response && one.status, `${file} asked about another council's ${asked}`).toBe(404);
      }
      continue;
    }
    expect([200, 404], file).toContain(status);
    const body = await bodyOf(result);
    for (const leak of ["Zed Other-Council", "Their licensing", gwenThere.id, committee.id, requirement.id]) expect(body, `${file} shows ${leak}`).not.toContain(leak);
  }
});
