import { useTranslation } from "react-i18next";
import { TableWrap } from "~/components/page";
import { TrainingStatusText } from "~/components/training-status";
import type { TrainingStatus } from "~/requirements/rules";

type Seat = {
  membershipId: string;
  name: string;
  role: string;
  maySit: boolean;
  requirements: { requirementId: string; label: string; blocksSitting: boolean; status: TrainingStatus }[];
};

/** Who may sit on a committee and why not: one committee's page, and every committee's on the readiness page. */
export function ReadinessTable({ committee, seats, caption = "visible" }: { committee: string; seats: Seat[]; caption?: "visible" | "hidden" }) {
  const { t } = useTranslation("council");
  if (seats.length === 0) return <p>{t("readiness.nobody")}</p>;
  return (
    <TableWrap label={t("readiness.caption", { committee })}>
      <table>
        <caption className={caption === "hidden" ? "visually-hidden" : undefined}>{t("readiness.caption", { committee })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("readiness.columns.name")}</th>
            <th scope="col">{t("readiness.columns.role")}</th>
            <th scope="col">{t("readiness.columns.maySit")}</th>
            <th scope="col">{t("readiness.columns.training")}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.membershipId}>
              <td>{seat.name}</td>
              <td>{t(`roles.${seat.role as "member" | "substitute"}`)}</td>
              <td>
                <strong className={`tag ${seat.maySit ? "tag--green" : "tag--red"}`}>{seat.maySit ? t("readiness.maySit") : t("readiness.mayNotSit")}</strong>
              </td>
              <td>
                <ul className="plain-list">
                  {seat.requirements.map((requirement) => (
                    <li key={requirement.requirementId}>
                      {requirement.label}
                      {requirement.blocksSitting ? ` ${t("readiness.blocks")}` : null}: <TrainingStatusText status={requirement.status} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
