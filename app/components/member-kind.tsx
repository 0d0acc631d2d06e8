import { useTranslation } from "react-i18next";
import { isMembershipKind } from "~/councils/kinds";

/** Elected councillor, co-opted member or lay member, in the page's language. */
export function MemberKind({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <>{isMembershipKind(kind) ? t(`membershipKinds.${kind}`) : kind}</>;
}
