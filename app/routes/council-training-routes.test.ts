// The officer's training pages' actions, called as Remix calls them: each refusal is shown on the field that
// caused it, in words, and nothing is written; another council's member or requirement is a 404.
import { expect, test } from "vitest";
import { createCouncil, createUser, requirementInput } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { createRequirement } from "~/requirements/requirements.server";
import { db } from "~/utils/db.server";
import type { FormResult } from "~/utils/forms";
import * as memberPage from "./council.members.$membershipId";
import * as newRequirement from "./council.requirements.new";
import * as exemptPage from "./council.requirements.$requirementId.exempt.$membershipId";

type Refused = { init: { status: number }; data: FormResult };

const origin = { ip: "192.0.2.25", userAgent: "Vitest" };

test("a new requirement is refused field by field: a past date, a missing committee, chosen members from another council, nobody chosen", async () => {
  const council = await createCouncil();
  const officer = await contextFor("officer", council.id);
  const outsider = await createUser();
  const before = await db.requirement.count();
  const refused = async (form: Record<string, string>) =>
    ((await outcomeOf(() => newRequirement.action(argsFor("/council/requirements/new", officer, { method: "POST", form })))) as Refused).data.fieldErrors;
  const base = { target: "module", moduleId: "prevent-duty", audience: "all", dueRule: "by-date", dueOn: "2020-01-01" };
  expect(await refused(base)).toEqual({ dueOn: "The due date must be today or later" });
  expect(await refused({ ...base, audience: "committee", dueRule: "after-appointment", dueWithinDays: "30" })).toEqual({ committeeId: "Choose the committee" });
  expect(await refused({ ...base, audience: "all", dueRule: "after-appointment", dueWithinDays: "30" })).toMatchObject({ dueRule: expect.stringContaining("Appointment to a committee") });
  expect(await refused({ ...base, target: "named", name: "", dueOn: "2099-01-01" })).toEqual({ name: "Enter the name of the training" });
  expect(await refused({ ...base, audience: "chosen", dueOn: "2099-01-01" })).toEqual({ members: "Choose at least one member" });
  expect(await refused({ ...base, audience: "chosen", dueOn: "2099-01-01", members: outsider.membershipId! })).toEqual({ members: "Choose members of your council only" });
  expect(await refused({ ...base, moduleId: "no-such-module", dueOn: "2099-01-01" })).toEqual({ moduleId: "Choose a module from the list" });
  expect(await refused({ ...base, audience: "committee", committeeId: "no-such-committee", dueOn: "2099-01-01" })).toEqual({ committeeId: "Choose one of your council's committees" });
  expect(await db.requirement.count()).toBe(before);
});

test("on a member's page, a module or course that does not exist is refused beside its list; another council's member is a 404", async () => {
  const council = await createCouncil();
  const officer = await contextFor("officer", council.id);
  const member = await createUser({ councilId: council.id });
  const outsider = await createUser();
  const post = (membershipId: string, form: Record<string, string>) =>
    outcomeOf(() => memberPage.action(argsFor(`/council/members/${membershipId}`, officer, { method: "POST", params: { membershipId }, form })));
  expect(((await post(member.membershipId!, { intent: "enrol-module", moduleId: "no-such-module" })) as Refused).data.fieldErrors).toEqual({ moduleId: "Choose a module from the list" });
  expect(((await post(member.membershipId!, { intent: "book-course", courseId: "no-such-course" })) as Refused).data.fieldErrors).toEqual({ courseId: "Choose a course from the list" });
  expect(((await post(outsider.membershipId!, { intent: "enrol-module", moduleId: "prevent-duty" })) as Response).status).toBe(404);
  expect(await db.enrolment.count({ where: { userId: { in: [member.id, outsider.id] } } })).toBe(0);
});

test("an exemption's evidence must be a document of 5 MB or less; the form keeps what was typed", async () => {
  const council = await createCouncil();
  const officerContext = await contextFor("officer", council.id);
  const member = await createUser({ councilId: council.id });
  const created = await createRequirement({ councilId: council.id, actorId: officerContext.user!.id, input: requirementInput() }, origin);
  if (created.status !== "created") throw new Error("not created");
  const path = `/council/requirements/${created.requirementId}/exempt/${member.membershipId}`;
  const post = async (file: File) => {
    const body = new FormData();
    body.set("reason", "Planning solicitor");
    body.set("approvedBy", "Monitoring Officer");
    body.set("evidence", file);
    const args = argsFor(path, officerContext, { method: "POST", params: { requirementId: created.requirementId, membershipId: member.membershipId! } });
    const request = new Request(args.request.url, { method: "POST", body });
    return (await outcomeOf(() => exemptPage.action({ ...args, request }))) as Refused;
  };
  const big = await post(new File([new Uint8Array(5 * 1024 * 1024 + 1)], "scan.pdf"));
  expect(big.data.fieldErrors).toEqual({ evidence: "The file must be 5 MB or smaller" });
  expect(big.data.values).toMatchObject({ reason: "Planning solicitor", approvedBy: "Monitoring Officer" });
  expect((await post(new File(["<html>"], "letter.pdf"))).data.fieldErrors).toEqual({ evidence: expect.stringContaining("must be a PDF") });
  expect(await db.exemption.count({ where: { membershipId: member.membershipId! } })).toBe(0);
});
