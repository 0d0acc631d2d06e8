import type { MetaFunction } from "@remix-run/node";
import { PageHeading } from "~/components/page";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.privacy"));

// public: a static page

export default function Privacy() {
  return (
    <div className="narrow">
      <PageHeading>Privacy notice</PageHeading>
      <p>
        This notice explains what personal data Leadership Essentials holds about you, why, and your rights. The national
        association of councils that runs the service is the data controller.
      </p>
      <h2>What we hold</h2>
      <ul>
        <li>Your name, email address and role (councillor, council officer or association staff).</li>
        <li>For councillors: the council you sit on and the date you were elected.</li>
        <li>Your progress on online modules, your certificates and your bookings on scheduled courses, as those parts open.</li>
        <li>
          Security records: when you sign in or out, failed attempts to sign in, password changes, and the network address and
          browser used. We keep a one-way hash of your password, never the password itself.
        </li>
      </ul>
      <h2>Why we hold it</h2>
      <p>
        To provide the service you signed up for, to keep accounts secure, and so that your council&apos;s member development
        officers can see the learning of their own council&apos;s members (and no other council&apos;s). Our lawful basis is
        the performance of a task in the public interest: supporting elected members in their role.
      </p>
      <h2>Private reflections</h2>
      <p>
        Notes you write in reflection exercises are visible to you only. They never appear in any report to your council or
        the association, and you can delete them.
      </p>
      <h2>Who can see it</h2>
      <ul>
        <li>You.</li>
        <li>Officers of your own council, for your progress, completions and bookings.</li>
        <li>Association staff who run the programme.</li>
        <li>
          Anyone you give a certificate&apos;s verification code to: the check page shows your name, the module and the date you
          completed it, and nothing else.
        </li>
      </ul>
      <p>We do not sell your data or share it for marketing.</p>
      <h2>How long we keep it</h2>
      <p>
        While your account is active, and for two years after it is deactivated so that certificates can still be checked.
        Security records are kept for one year.
      </p>
      <h2>Cookies</h2>
      <p>
        We use two cookies, both essential: one keeps you signed in (it expires after 14 days without use) and one carries a
        one-time message after you submit a form. We do not use analytics or advertising cookies.
      </p>
      <h2>Your rights</h2>
      <p>
        You can ask to see, correct or delete your data, or object to how we use it, by writing to the association&apos;s data
        protection officer. You can also complain to the Information Commissioner&apos;s Office (ico.org.uk).
      </p>
    </div>
  );
}
