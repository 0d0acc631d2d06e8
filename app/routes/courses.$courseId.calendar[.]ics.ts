// The booking's calendar file, for someone who lost the email's: the latest version of the event (same UID
// and SEQUENCE as the last invite sent), so opening it again changes nothing in their calendar.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookingCalendarFile } from "~/courses/booking.server";
import { wordsOf } from "~/i18n/i18n.server";
import { notFound, requirePermission } from "~/utils/auth.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const file = await bookingCalendarFile({ courseId: args.params.courseId ?? "", userId: user.id });
  if (!file) throw notFound(wordsOf(args.context.language, "courses")("course.notFound"));
  return new Response(file.content, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
