import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sentence } from "~/components/sentence";
import { PrintButton } from "~/components/print-button";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/page";
import { findModule } from "~/content/content.server";
import { certificateFor, formatCertificateCode } from "~/learning/certificates.server";
import { wordsOf } from "~/i18n/i18n.server";
import { requirePermission } from "~/utils/auth.server";
import { appUrl } from "~/utils/request.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error
    ? errorMeta(error, matches)
    : pageTitle(matches, (t) => t("pages.certificate", { module: data?.certificate.moduleTitle ?? t("pages.module") }));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const moduleId = args.params.moduleId ?? "";
  // only ever the signed-in councillor's own certificate: the user id comes from the session. A
  // certificate outlives changes to (or the retirement of) its module: the catalogue only gives the
  // module's title in the page's language while the module is still in it.
  const certificate = await certificateFor({ userId: user.id, moduleId });
  if (!certificate) throw new Response(wordsOf(args.context.language, "learning")("certificate.notYet"), { status: 404 });
  const code = formatCertificateCode(certificate.certificateCode);
  return {
    moduleId,
    certificate: {
      name: certificate.holderName,
      council: certificate.councilName,
      moduleTitle: findModule(moduleId, args.context.language)?.title ?? certificate.moduleTitle,
      completedAt: certificate.completedAt,
      code,
      verifyUrl: `${appUrl()}/verify/${code}`,
    },
  };
}

export default function CertificatePage() {
  const { moduleId, certificate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  const language = useLanguage();
  return (
    <>
      <div className="no-print">
        <BackLink to={`/modules/${moduleId}`}>{certificate.moduleTitle}</BackLink>
        <PrintButton label={t("certificate.print")} withoutScript={t("certificate.printWithoutScript")} />
      </div>
      <section className="certificate" aria-labelledby="certificate-title">
        <p className="certificate__issuer">{t("certificate.issuer")}</p>
        <h1 className="certificate__title" id="certificate-title">
          {t("certificate.heading")}
        </h1>
        <p>{t("certificate.certifies")}</p>
        <p className="certificate__name">{certificate.name}</p>
        {certificate.council ? <p className="certificate__council">{certificate.council}</p> : null}
        <p>{t("certificate.hasCompleted")}</p>
        <p className="certificate__module">{certificate.moduleTitle}</p>
        <p>
          <Sentence text={t("certificate.on", { date: formatDate(certificate.completedAt, language) })} components={{ strong: <strong /> }} />
        </p>
        <dl className="certificate__verify">
          <dt>{t("certificate.code")}</dt>
          <dd className="certificate__code">{certificate.code}</dd>
          <dt>{t("certificate.checkAt")}</dt>
          <dd>{certificate.verifyUrl}</dd>
        </dl>
      </section>
      <p className="no-print">
        <Sentence text={t("certificate.anyone")} components={{ verify: <Link to={`/verify/${certificate.code}`} /> }} />
      </p>
    </>
  );
}


export function ErrorBoundary() {
  const { moduleId } = useParams();
  const { t } = useTranslation("learning");
  return (
    <RouteErrorBoundary
      links={[
        { to: `/modules/${moduleId}`, label: t("certificate.goToModule") },
        { to: "/modules", label: t("goToAllModules") },
      ]}
    />
  );
}
