// What an officer does for one of their council's members: enrol them on a module, book them onto a course.
// The member must be the officer's council's (current and confirmed); the member is told by email, and the
// audit log names the officer.
import { findModule } from "~/content/content.server";
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { bookPlace } from "~/courses/booking.server";
import { enrol } from "~/learning/enrolments.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { inLanguage, RECIPIENT, writeEmail, type Letter } from "~/models/account-emails.server";
import { enqueueEmail } from "~/models/email.server";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/request.server";

type OnBehalf = { councilId: string; membershipId: string; actorId: string };

async function memberOf({ councilId, membershipId }: OnBehalf) {
  return db.membership.findFirst({
    where: { id: membershipId, councilId, ...COUNTED_MEMBER },
    select: { userId: true, council: { select: { name: true, welshName: true } }, user: { select: { name: true, email: true, ...RECIPIENT } } },
  });
}

function enrolledLetter({ name, officer, council, moduleId }: { name: string; officer: string; council: { name: string; welshName: string | null }; moduleId: string }): Letter {
  return (t, language) => {
    const module = findModule(moduleId, language)?.title ?? moduleId;
    const councilName = language === "cy" ? (council.welshName ?? council.name) : council.name;
    return {
      subject: t("training.enrolled.subject", { module }),
      text: [
        t("greeting", { name }),
        "",
        t("training.enrolled.body", { officer, council: councilName, module }),
        t("training.enrolled.start", { link: inLanguage(`${appUrl()}/modules/${moduleId}`, language) }),
      ].join("\n"),
    };
  };
}

/** Enrols a member on a module (unless they already are: then nothing changes and nobody is emailed). */
export async function enrolMember({ moduleId, ...act }: OnBehalf & { moduleId: string }, origin: RequestOrigin) {
  if (!findModule(moduleId, "en")) return { status: "no-such-module" } as const;
  const member = await memberOf(act);
  if (!member) return { status: "not-found" } as const;
  const officer = await db.user.findUniqueOrThrow({ where: { id: act.actorId }, select: { name: true } });
  return db.$transaction(async (tx) => {
    if (!(await enrol({ userId: member.userId, moduleId, source: "officer", enrolledById: act.actorId }, tx))) return { status: "already" } as const;
    const letter = enrolledLetter({ name: member.user.name, officer: officer.name, council: member.council, moduleId });
    await enqueueEmail({ to: member.user.email, ...writeEmail(member.user, letter) }, tx);
    await recordAudit({ type: "enrolled-by-officer", userId: member.userId, actorId: act.actorId, email: member.user.email, detail: `${member.council.name}: ${moduleId}` }, origin, tx);
    return { status: "enrolled" } as const;
  });
}

/** Books a member onto a course, under the course's own rules (eligibility, places, the waiting list). */
export async function bookMember({ courseId, ...act }: OnBehalf & { courseId: string }, origin: RequestOrigin) {
  const member = await memberOf(act);
  if (!member) return { status: "not-found" } as const;
  const officer = await db.user.findUniqueOrThrow({ where: { id: act.actorId }, select: { name: true } });
  return bookPlace({ courseId, userId: member.userId, actorId: act.actorId, bookedBy: officer.name }, origin);
}
