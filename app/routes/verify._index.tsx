import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { normaliseCertificateCode } from "~/learning/certificates.server";
import { formResult } from "~/utils/forms";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.verify"));

export async function loader({ request }: LoaderFunctionArgs) {
  // public: anyone may check a certificate code. The form GETs here, and a code goes to its own page.
  const query = new URL(request.url).searchParams;
  const code = query.get("code");
  if (code === null) return { result: null };
  if (normaliseCertificateCode(code) === "") {
    return { result: formResult(query, { fieldErrors: { code: "Enter the verification code from the certificate" } }) };
  }
  throw redirect(`/verify/${encodeURIComponent(code.trim())}`);
}

export default function VerifyForm() {
  const { result } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <ErrorSummary result={result} />
      <PageHeading>Check a certificate</PageHeading>
      <p>Enter the verification code printed on a Leadership Essentials certificate to confirm it is genuine.</p>
      <Form method="get" noValidate>
        <TextField
          name="code"
          label="Verification code"
          hint="16 letters and numbers, for example 7K2M-9QXD-4HBW-R3TN"
          error={result?.fieldErrors.code}
          defaultValue={result?.values.code}
          autoComplete="off"
          spellCheck={false}
          width="half"
        />
        <button type="submit" className="button">
          Check the certificate
        </button>
      </Form>
    </div>
  );
}
