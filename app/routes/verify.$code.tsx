import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, PageHeading } from "~/components/page";
import { formatCertificateCode, verifyCertificate } from "~/learning/certificates.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("pages.verifyResult")), { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  // public by design: it confirms the name, module and date on a certificate and shows nothing else
  const certificate = await verifyCertificate(params.code ?? "");
  if (!certificate) return data({ certificate: null, code: params.code ?? "" }, { status: 404 });
  return {
    certificate: {
      name: certificate.name,
      moduleTitle: certificate.moduleTitle,
      completedAt: certificate.completedAt,
      code: formatCertificateCode(certificate.code),
    },
    code: params.code ?? "",
  };
}

export default function VerifyCertificate() {
  const { certificate, code } = useLoaderData<typeof loader>();
  if (!certificate) {
    return (
      <div className="narrow">
        <PageHeading>Certificate not found</PageHeading>
        <p>
          No certificate has the code <strong className="break-anywhere">{code}</strong>. Check the code against the printed certificate and
          try again: it has 16 letters and numbers.
        </p>
        <p>
          <Link to="/verify">Enter a code</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading>This certificate is genuine</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Awarded to</dt>
          <dd>{certificate.name}</dd>
        </div>
        <div>
          <dt>Module</dt>
          <dd>{certificate.moduleTitle}</dd>
        </div>
        <div>
          <dt>Completed on</dt>
          <dd>{formatDate(certificate.completedAt)}</dd>
        </div>
        <div>
          <dt>Verification code</dt>
          <dd>{certificate.code}</dd>
        </div>
      </dl>
      <p>Leadership Essentials is the national association&apos;s learning programme for councillors in England and Wales.</p>
    </div>
  );
}
