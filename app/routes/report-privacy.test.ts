// Reflections and case-study answers are their author's alone: no council page, report or export, and no
// staff report, says them. Generated from the route files: every council.* and staff.reports* route is asked,
// as its officer or staff, about a member who wrote a reflection and answered a case study, with every filter
// of the reports, and each response (page data or CSV) is searched for those words.
import { randomBytes } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { createCouncil, createUser, requirementInput } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf, routeFiles } from "../../tests/route-helpers";
import { createRequirement } from "~/requirements/requirements.server";
import { db } from "~/utils/db.server";

test("no council page or report, and no staff report, shows a reflection or a case-study answer", async () => {
  const council = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id });
  const member = await createUser({ councilId: council.id, name: "Rhian Reflective" });
  const committee = await db.committee.create({ data: { councilId: council.id, name: "Standards committee" } });
  await db.committeeMembership.create({ data: { committeeId: committee.id, membershipId: member.membershipId!, role: "member", appointedOn: new Date("2026-05-20") } });
  const requirement = await createRequirement({ councilId: council.id, actorId: officer.id, input: requirementInput() }, { ip: null });
  if (requirement.status !== "created") throw new Error("no requirement");
  const secret = `private-${randomBytes(8).toString("hex")}`;
  await db.reflection.create({ data: { userId: member.id, moduleId: "standards-in-public-office", promptId: "p1", text: `My thoughts: ${secret}-reflection` } });
  await db.caseStudyAnswer.create({ data: { userId: member.id, moduleId: "standards-in-public-office", caseStudyId: "c1", choice: `${secret}-choice` } });
  await db.moduleCompletion.create({
    data: { userId: member.id, moduleId: "standards-in-public-office", moduleVersion: 1, moduleTitle: "Standards in public office", holderName: member.name, scorePercent: 90, completedAt: new Date(), certificateCode: secret.slice(0, 12) },
  });

  const officerContext = await contextFor("officer", council.id);
  const staffContext = await contextFor("staff");
  const params = { membershipId: member.membershipId!, committeeId: committee.id, requirementId: requirement.requirementId, fileId: "none" };
  const queries = ["", "?view=modules", `?committeeId=${committee.id}&requirementId=${requirement.requirementId}`, "?hideNames=1", `?year=${new Date().getUTCFullYear() - 1}`];
  const files = routeFiles().filter((file) => /^(council[._]|staff\.reports)/.test(file));
  expect(files).toEqual(expect.arrayContaining(["council.report.tsx", "council.report[.]csv.ts", "staff.reports.tsx", "staff.reports[.]csv.ts"]));
  let searched = 0;
  for (const file of files) {
    const module = (await import(`./${file}`)) as { loader?: (args: LoaderFunctionArgs) => unknown };
    if (!module.loader) continue;
    const context = file.startsWith("staff") ? staffContext : officerContext;
    for (const query of queries) {
      const result = await outcomeOf(() => module.loader!(argsFor(`/anything${query}`, context, { params })));
      const body = result instanceof Response ? await result.text() : JSON.stringify(result);
      expect(body, `${file}${query}`).not.toContain(secret);
      searched++;
    }
  }
  expect(searched).toBeGreaterThan(50);
});
