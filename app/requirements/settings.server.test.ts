// A council's training settings, and what they change: whether its officers see knowledge-check scores.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { modulesForOfficer } from "./officer-view.server";
import { saveTrainingSettings, trainingSettingsOf } from "./settings.server";

const origin = { ip: "192.0.2.21", userAgent: "Vitest" };

test("officers see completion, not scores, unless their council chooses to see scores", async () => {
  const { id: councilId } = await createCouncil();
  const officer = await createUser({ role: "officer", councilId });
  const member = await createUser({ councilId });
  await db.moduleCompletion.create({
    data: { userId: member.id, moduleId: "prevent-duty", moduleVersion: 1, moduleTitle: "The Prevent duty", holderName: "x", scorePercent: 88, certificateCode: randomBytes(6).toString("hex") },
  });
  await db.knowledgeCheckAttempt.create({ data: { userId: member.id, moduleId: "prevent-duty", moduleVersion: 1, passed: true, scorePercent: 88, submittedAt: new Date() } });
  const seen = () => modulesForOfficer({ councilId, userId: member.id, language: "en" });
  expect(await seen()).toMatchObject([{ id: "prevent-duty", state: "completed", bestScore: null }]);

  const settings = { remindDaysBefore: 21, overdueRemindersBeforeEscalating: 2, escalateToGroupLeaders: true, showScoresToOfficers: true };
  await db.membership.update({ where: { id: member.membershipId! }, data: { partyGroup: "Labour" } });
  await saveTrainingSettings({ councilId, settings, leaders: [{ partyGroup: "Labour", email: "leader@labour.example" }], actorId: officer.id }, origin);
  expect(await seen()).toMatchObject([{ id: "prevent-duty", bestScore: 88 }]);
  expect(await trainingSettingsOf(councilId)).toMatchObject({ council: settings, groups: [{ partyGroup: "Labour", leaderEmail: "leader@labour.example" }] });

  // an empty address removes the leader; the change is audited each time
  await saveTrainingSettings({ councilId, settings, leaders: [{ partyGroup: "Labour", email: null }], actorId: officer.id }, origin);
  expect((await trainingSettingsOf(councilId)).groups).toEqual([{ partyGroup: "Labour", leaderEmail: null }]);
  expect(await db.auditEvent.count({ where: { type: "council-settings-changed", actorId: officer.id } })).toBe(2);
});
