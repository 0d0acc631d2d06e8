import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormResult } from "~/utils/forms";
import { ErrorSummary, SubmitButton, TextField } from "./forms";
import { PageHeading } from "./page";
import { Sentence } from "./sentence";

/** The page behind a reset or invitation link: the form, or why the link cannot be used. */
export function SetPasswordPage({
  status,
  title,
  intro,
  result,
  button,
}: {
  status: string;
  title: string;
  intro: string;
  result: FormResult | undefined;
  button: string;
}) {
  const { t } = useTranslation("auth");
  if (status !== "valid") {
    const heading = status === "expired" ? t("link.expired") : status === "used" ? t("link.used") : t("link.invalid");
    return (
      <div className="narrow">
        <PageHeading>{heading}</PageHeading>
        <p>{t("setPassword.explanation")}</p>
        <p>
          <Sentence text={t("setPassword.next")} components={{ reset: <Link to="/forgot-password" />, login: <Link to="/login" /> }} />
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <ErrorSummary result={result} order={["password"]} />
      <PageHeading>{title}</PageHeading>
      <p>{intro}</p>
      <Form method="post" noValidate>
        <TextField
          name="password"
          label={t("setPassword.label")}
          hint={t("password.hint")}
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.password}
        />
        <SubmitButton>{button}</SubmitButton>
      </Form>
    </div>
  );
}
