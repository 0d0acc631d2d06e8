import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/page";
import { normaliseCertificateCode } from "~/models/completion.server";

export const meta: MetaFunction = () => [{ title: "Check a certificate – Leadership Essentials" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // public: anyone may check a certificate code. The form GETs here, and a code goes to its own page.
  const code = new URL(request.url).searchParams.get("code");
  if (code === null) return { error: null, code: "" };
  if (normaliseCertificateCode(code) === "") return { error: "Enter the verification code from the certificate", code };
  throw redirect(`/verify/${encodeURIComponent(code.trim())}`);
}

export default function VerifyForm() {
  const { error, code } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <PageHeading>Check a certificate</PageHeading>
      <p>Enter the verification code printed on a Leadership Essentials certificate to confirm it is genuine.</p>
      <Form method="get" noValidate>
        <div className={error ? "form-group form-group--error" : "form-group"}>
          <label className="label" htmlFor="code">
            Verification code
          </label>
          <p className="hint" id="code-hint">
            16 letters and numbers, for example 7K2M-9QXD-4HBW-R3TN
          </p>
          {error ? (
            <p className="error-message" id="code-error">
              <span className="visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <input
            className={error ? "input input--half input--error" : "input input--half"}
            id="code"
            name="code"
            defaultValue={code}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
          />
        </div>
        <button type="submit" className="button">
          Check the certificate
        </button>
      </Form>
    </div>
  );
}
