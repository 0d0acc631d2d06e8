import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { SubmitButton } from "./forms";
import { MemberKind } from "./member-kind";

type Membership = {
  id: string;
  kind: string;
  memberSince: Date | string | null;
  leftOfficeOn: Date | string | null;
  confirmedAt: Date | string | null;
  council: { name: string; welshName: string | null };
  committees: { role: string; committee: { name: string } }[];
};

/**
 * The councils a person sits or sat on, as they see them on their account: each with its status, and, when
 * `withdraw` is set, a button to take back a claim the council has not confirmed.
 */
export function MembershipList({ memberships, withdraw = false, headingLevel = 3 }: { memberships: Membership[]; withdraw?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useTranslation("account");
  const language = useLanguage();
  if (memberships.length === 0) return <p>{t("councils.none")}</p>;
  return (
    <ul className="membership-list">
      {memberships.map((membership) => (
        <li key={membership.id}>
          <Heading className="membership-list__council">{(language === "cy" && membership.council.welshName) || membership.council.name}</Heading>
          <p>
            <MemberKind kind={membership.kind} />
            {membership.memberSince ? `, ${t(`councils.since.${membership.kind === "elected" ? "elected" : "appointed"}`, { date: formatDate(membership.memberSince, language) })}` : null}
          </p>
          <p>
            {membership.leftOfficeOn ? (
              <span className="tag tag--grey">{t("councils.leftOn", { date: formatDate(membership.leftOfficeOn, language) })}</span>
            ) : membership.confirmedAt ? (
              <span className="tag tag--green">{t("councils.confirmed")}</span>
            ) : (
              <span className="tag tag--grey">{t("councils.awaiting")}</span>
            )}
          </p>
          {membership.committees.length > 0 ? (
            <p>
              {t("councils.committees", {
                committees: membership.committees
                  .map((seat) => (seat.role === "substitute" ? t("councils.asSubstitute", { committee: seat.committee.name }) : seat.committee.name))
                  .join(", "),
              })}
            </p>
          ) : null}
          {withdraw && !membership.confirmedAt && !membership.leftOfficeOn ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="membershipId" value={membership.id} />
              <SubmitButton secondary>
                {t("councils.withdraw")}
                <span className="visually-hidden"> {membership.council.name}</span>
              </SubmitButton>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
