import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { PrintButton } from "~/components/print-button";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, TableWrap } from "~/components/page";
import { courseTimes } from "~/courses/course-times.server";
import { courseForStaff } from "~/courses/delegates.server";
import { placeOf } from "~/courses/rules";
import { INTL_LOCALE, type RouteWords } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffSignInSheet")));

const noSuchCourse = (t: TFunction) => notFound(t("courses.notFound", { ns: "staff" }));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  const language = args.context.language;
  const found = await courseForStaff(args.params.courseId ?? "");
  if (!found) throw noSuchCourse(translatorFor(language));
  const { course, delegates } = found;
  // In name order, as people look for their own name at the door.
  const byName = new Intl.Collator(INTL_LOCALE[language]).compare;
  return {
    course: {
      id: course.id,
      title: course.title,
      when: courseTimes(course, language),
      place: placeOf(course),
      format: course.format,
    },
    delegates: delegates.map(({ id, person }) => ({ id, name: person.name, councils: person.councils.join(", ") })).sort((a, b) => byName(a.name, b.name)),
  };
}

export default function SignInSheet() {
  const { course, delegates } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "courses"]);
  return (
    <>
      <div className="no-print">
        <BackLink to={`/staff/courses/${course.id}`}>{t("courses.backToCourse")}</BackLink>
        <PrintButton label={t("courses.signInSheet.print")} withoutScript={t("courses.signInSheet.printWithoutScript")} />
      </div>
      <section className="sign-in-sheet" aria-labelledby="sign-in-sheet-title">
        <h1 className="heading-l" id="sign-in-sheet-title">
          {course.title}
        </h1>
        <dl className="summary-list">
          <div>
            <dt>{t("courses:when")}</dt>
            <dd>{course.when}</dd>
          </div>
          <div>
            <dt>{t("courses:where")}</dt>
            <dd>{course.format === "online" ? t("courses:online") : course.place}</dd>
          </div>
        </dl>
        {delegates.length === 0 ? (
          <p>{t("courses.signInSheet.nobody")}</p>
        ) : (
          <TableWrap label={t("courses.signInSheet.caption")}>
            <table className="sign-in-sheet__table">
              <caption>{t("courses.signInSheet.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("courses.columns.name")}</th>
                  <th scope="col">{t("courses.columns.council")}</th>
                  <th scope="col" className="sign-in-sheet__signature">
                    {t("courses.signInSheet.signature")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {delegates.map((delegate) => (
                  <tr key={delegate.id}>
                    <td>{delegate.name}</td>
                    <td>{delegate.councils}</td>
                    {/* left blank for the delegate to sign on paper */}
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}


export function ErrorBoundary() {
  const { courseId } = useParams();
  const { t } = useTranslation("staff");
  return <RouteErrorBoundary links={[{ to: `/staff/courses/${courseId}`, label: t("courses.backToCourse") }]} />;
}
