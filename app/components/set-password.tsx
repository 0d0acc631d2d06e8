import { Form, Link } from "@remix-run/react";
import type { FormResult } from "~/utils/forms";
import { ErrorSummary, SubmitButton, TextField } from "./forms";
import { PageHeading } from "./page";

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
  if (status !== "valid") {
    const heading =
      status === "expired" ? "This link has expired" : status === "used" ? "This link has already been used" : "This link is not valid";
    return (
      <div className="narrow">
        <PageHeading>{heading}</PageHeading>
        <p>Each link works once and for a limited time. Check you copied the whole link, or ask for a new one.</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link> or <Link to="/login">sign in</Link>.
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
          label="New password"
          hint="At least 10 characters. A good way to make one you will remember is three random words together."
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.password}
        />
        <SubmitButton>{button}</SubmitButton>
      </Form>
    </div>
  );
}
