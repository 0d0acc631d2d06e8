import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, formatDate } from "~/components/page";
import { certificateFor, formatCertificateCode } from "~/learning/certificates.server";
import { requirePermission } from "~/utils/auth.server";
import { appUrl } from "~/utils/request.server";
import { useHydrated } from "~/utils/use-hydrated";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error
    ? errorMeta(error, matches)
    : pageTitle(matches, (t) => t("pages.certificate", { module: data?.certificate.moduleTitle ?? t("pages.module") }));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const moduleId = args.params.moduleId ?? "";
  // only ever the signed-in councillor's own certificate: the user id comes from the session. The
  // catalogue is not consulted: a certificate outlives changes to (or the retirement of) its module.
  const certificate = await certificateFor({ userId: user.id, moduleId });
  if (!certificate) throw new Response("You have not completed this module yet, so there is no certificate to show.", { status: 404 });
  const code = formatCertificateCode(certificate.certificateCode);
  return {
    moduleId,
    certificate: {
      name: certificate.holderName,
      council: certificate.councilName,
      moduleTitle: certificate.moduleTitle,
      completedAt: certificate.completedAt,
      code,
      verifyUrl: `${appUrl()}/verify/${code}`,
    },
  };
}

export default function CertificatePage() {
  const { moduleId, certificate } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <BackLink to={`/modules/${moduleId}`}>{certificate.moduleTitle}</BackLink>
        <PrintButton />
      </div>
      <section className="certificate" aria-labelledby="certificate-title">
        <p className="certificate__issuer">Leadership Essentials for councillors</p>
        <h1 className="certificate__title" id="certificate-title">
          Certificate of completion
        </h1>
        <p>This certifies that</p>
        <p className="certificate__name">{certificate.name}</p>
        {certificate.council ? <p className="certificate__council">{certificate.council}</p> : null}
        <p>has completed the online module</p>
        <p className="certificate__module">{certificate.moduleTitle}</p>
        <p>
          on <strong>{formatDate(certificate.completedAt)}</strong>
        </p>
        <dl className="certificate__verify">
          <dt>Verification code</dt>
          <dd className="certificate__code">{certificate.code}</dd>
          <dt>Check it at</dt>
          <dd>{certificate.verifyUrl}</dd>
        </dl>
      </section>
      <p className="no-print">
        Anyone with the code can check this certificate at <Link to={`/verify/${certificate.code}`}>the verification page</Link>. It shows
        your name, the module and the date, and nothing else.
      </p>
    </>
  );
}

/** Printing needs JavaScript; without it, the browser's own print command does the same. */
function PrintButton() {
  return useHydrated() ? (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  ) : (
    <p>Use your browser&apos;s print command to print this certificate or save it as a PDF.</p>
  );
}

export function ErrorBoundary() {
  const { moduleId } = useParams();
  return (
    <RouteErrorBoundary
      links={[
        { to: `/modules/${moduleId}`, label: "Go to the module" },
        { to: "/modules", label: "Go to all modules" },
      ]}
    />
  );
}
