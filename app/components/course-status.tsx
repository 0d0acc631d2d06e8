import { useTranslation } from "react-i18next";
import { isCourseStatus, type CourseStatus } from "~/courses/rules";

const TONE: Record<CourseStatus, string> = { draft: "tag--grey", published: "tag--green", cancelled: "tag--red" };

/** A course's status for staff: draft (only staff see it), published or cancelled. */
export function CourseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation("staff");
  if (!isCourseStatus(status)) return <strong className="tag tag--grey">{status}</strong>;
  return <strong className={`tag ${TONE[status]}`}>{t(`courses.statuses.${status}`)}</strong>;
}
