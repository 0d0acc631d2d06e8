import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { normaliseCertificateCode } from "~/learning/certificates.server";
import { wordsOf } from "~/i18n/i18n.server";
import { formResult } from "~/utils/forms";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.verify"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  // public: anyone may check a certificate code. The form GETs here, and a code goes to its own page.
  const query = new URL(request.url).searchParams;
  const code = query.get("code");
  if (code === null) return { result: null };
  if (normaliseCertificateCode(code) === "") {
    return { result: formResult(query, { fieldErrors: { code: wordsOf(context.language, "learning")("verify.enterCode") } }) };
  }
  throw redirect(`/verify/${encodeURIComponent(code.trim())}`);
}

export default function VerifyForm() {
  const { result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  return (
    <div className="narrow">
      <ErrorSummary result={result} />
      <PageHeading>{t("verify.heading")}</PageHeading>
      <p>{t("verify.intro")}</p>
      <Form method="get" noValidate>
        <TextField
          name="code"
          label={t("verify.code")}
          hint={t("verify.hint")}
          error={result?.fieldErrors.code}
          defaultValue={result?.values.code}
          autoComplete="off"
          spellCheck={false}
          width="half"
        />
        <button type="submit" className="button">
          {t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
