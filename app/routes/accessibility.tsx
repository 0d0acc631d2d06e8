import type { MetaFunction } from "@remix-run/node";
import { PageHeading } from "~/components/page";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.accessibility"));

// public: a static page

export default function Accessibility() {
  return (
    <div className="narrow">
      <PageHeading>Accessibility statement</PageHeading>
      <p>
        This statement applies to Leadership Essentials. We want as many people as possible to be able to use it. You should be
        able to:
      </p>
      <ul>
        <li>zoom in up to 400% without text spilling off the screen, and use it on a phone 320 pixels wide</li>
        <li>navigate the whole service using just a keyboard</li>
        <li>use it with a screen reader, such as NVDA, JAWS or VoiceOver</li>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>use every form without JavaScript</li>
      </ul>
      <h2>How accessible this service is</h2>
      <p>
        We test every page automatically against the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, and
        by hand with a keyboard. We are not aware of any part of the service that does not meet the standard. If you find one,
        please tell us.
      </p>
      <h2>Feedback and contact information</h2>
      <p>
        If you need information in a different format, or you find a problem, contact the association&apos;s member
        development team. We aim to reply within 5 working days.
      </p>
      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your
        complaint, contact the Equality Advisory and Support Service (EASS).
      </p>
      <h2>Compliance status</h2>
      <p>This service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.</p>
      <h2>Preparation of this statement</h2>
      <p>This statement was prepared on 23 November 2026 and is reviewed with every release that changes a page.</p>
    </div>
  );
}
