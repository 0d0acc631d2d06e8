import { useTranslation } from "react-i18next";

export function AccountStatus({ deactivatedAt, invited, emailConfirmedAt }: { deactivatedAt: string | Date | null; invited: boolean; emailConfirmedAt: string | Date | null }) {
  const { t } = useTranslation("staff");
  if (deactivatedAt) return <span className="tag tag--red">{t("accountStatus.deactivated")}</span>;
  if (invited) return <span className="tag tag--grey">{t("accountStatus.invited")}</span>;
  if (!emailConfirmedAt) return <span className="tag tag--grey">{t("accountStatus.emailNotConfirmed")}</span>;
  return <span className="tag tag--green">{t("accountStatus.active")}</span>;
}
