import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { PageHeading, TableWrap } from "~/components/page";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getCouncil } from "~/models/council.server";
import { currentMunicipalYear, reviewsAt } from "~/requirements/reviews.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { askedMunicipalYear } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilReviews"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const current = currentMunicipalYear();
  const year = askedMunicipalYear(args.request);
  const [council, members] = await Promise.all([getCouncil(councilId), reviewsAt(councilId, year)]);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return { council, year, current, members };
}

/** This municipal year's reviews: who has been offered one, who took it up or declined, and who is still to be offered. */
export default function Reviews() {
  const { council, year, current, members } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  const offered = members.filter((m) => m.review?.offeredOn).length;
  return (
    <>
      <PageHeading caption={council.name}>{t("reviews.heading", { from: year, to: year + 1 })}</PageHeading>
      <CouncilNav />
      <p>{t("reviews.intro")}</p>
      <p>{t("reviews.summary", { offered, count: members.length })}</p>
      <ul className="plain-list">
        {year > current - 3 ? (
          <li>
            <Link to={`/council/reviews?year=${year - 1}`}>{t("reviews.earlier", { from: year - 1, to: year })}</Link>
          </li>
        ) : null}
        {year < current ? (
          <li>
            <Link to="/council/reviews">{t("reviews.thisYear")}</Link>
          </li>
        ) : null}
      </ul>
      {members.length === 0 ? (
        <p>{t("reviews.none")}</p>
      ) : (
        <TableWrap label={t("reviews.caption")}>
          <table>
            <caption className="visually-hidden">{t("reviews.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviews.columns.member")}</th>
                <th scope="col">{t("reviews.columns.offered")}</th>
                <th scope="col">{t("reviews.columns.outcome")}</th>
                <th scope="col">{t("reviews.columns.held")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/council/members/${member.id}/review?year=${year}`} aria-label={t("reviews.recordFor", { name: member.user.name })}>
                      {member.user.name}
                    </Link>
                  </td>
                  <td>{member.review?.offeredOn ? formatDate(member.review.offeredOn, language) : t("reviews.notOffered")}</td>
                  <td>{member.review?.outcome ? t(`reviews.outcomes.${member.review.outcome as "taken-up" | "declined"}`) : member.review?.offeredOn ? t("reviews.noAnswer") : ""}</td>
                  <td>{member.review?.heldOn ? formatDate(member.review.heldOn, language) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
