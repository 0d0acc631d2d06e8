// Scheduled courses in a person's learning record: the ones the register says they attended. Blended
// learning: a course may go with an online module (Course.moduleId), taken before the day. Attending is
// shown beside that module but never completes it nor earns its certificate: the certificate says the
// person passed the module's knowledge check, and sitting in the room is not that.
import { findModule } from "~/content/content.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { db } from "~/utils/db.server";

/**
 * The courses this person attended, latest first: the register's "attended" marks on their own places.
 * A cancelled course did not happen, so a mark left on one does not count; nor does an absent or unmarked
 * delegate. With `moduleId`, only the courses that go with that module. The module's title is the
 * catalogue's in `language`, or null when the module is no longer offered.
 */
export async function attendedCourses(userId: string, { language = DEFAULT_LANGUAGE, moduleId }: { language?: Language; moduleId?: string } = {}) {
  const bookings = await db.booking.findMany({
    where: { userId, status: "confirmed", attendance: "attended", course: { status: "published", ...(moduleId ? { moduleId } : {}) } },
    orderBy: { course: { startsAt: "desc" } },
    take: 500,
    select: { course: { select: { id: true, title: true, topic: true, startsAt: true, endsAt: true, moduleId: true } } },
  });
  return bookings.map(({ course }) => ({
    courseId: course.id,
    title: course.title,
    startsAt: course.startsAt,
    endsAt: course.endsAt,
    topic: course.topic,
    moduleId: course.moduleId,
    moduleTitle: course.moduleId ? (findModule(course.moduleId, language)?.title ?? null) : null,
  }));
}
