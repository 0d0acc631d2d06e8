import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, PageHeading } from "~/components/page";
import { minutesText, ProgressBar } from "~/components/progress";
import { getCatalogue } from "~/content/content.server";
import type { ModuleInfo } from "~/content/content.server";
import { nextStepHref, type NextStep } from "~/learning/core";
import { learningHome } from "~/learning/reader.server";
import { getProfile } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { languageOf, titleWords } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = titleWords(languageOf(matches));
  return [{ title: t("pages.home") }, { name: "description", content: t("pages.homeDescription") }];
};

export async function loader(args: LoaderFunctionArgs) {
  // public: signed-out visitors see what the service is; signed-in people see their home
  const user = getUser(args);
  if (!user) return { profile: null, learning: null };
  const [profile, learning] = await Promise.all([
    getProfile({ userId: user.id }),
    can(user, "module:take") ? learningHome({ userId: user.id, modules: getCatalogue().modules }) : null,
  ]);
  return { profile, learning: learning && homeView(learning) };
}

function homeView({ current, firstNotStarted, completedCount, moduleCount, certificates }: Awaited<ReturnType<typeof learningHome<ModuleInfo>>>) {
  return {
    current: current && {
      moduleId: current.module.id,
      title: current.module.title,
      percent: current.progress.percent,
      minutesLeft: current.progress.minutesLeft,
      next: { href: nextStepHref(current.module.id, current.progress.nextStep), label: nextStepLabel(current.progress.nextStep) },
    },
    suggestion: firstNotStarted && {
      id: firstNotStarted.id,
      title: firstNotStarted.title,
      summary: firstNotStarted.summary,
      minutes: firstNotStarted.minutes,
    },
    moduleCount,
    completedCount,
    certificates: certificates.map((c) => ({ moduleId: c.moduleId, title: c.moduleTitle, completedAt: c.completedAt })),
  };
}

function nextStepLabel(step: NextStep) {
  return step?.kind === "lesson" ? step.title : step?.kind === "finish" ? "Get your certificate" : "Knowledge check";
}

const TOPICS = [
  "Counter-extremism: the councillor's role",
  "The Prevent duty",
  "Community cohesion and integration",
  "Handling difficult conversations",
  "Standards in public office",
  "Emergency planning and civil resilience",
  "Induction for new councillors",
];

export default function Home() {
  const { profile, learning } = useLoaderData<typeof loader>();
  if (!profile) return <Welcome />;
  const firstName = profile.name.split(" ")[0];
  return (
    <>
      <PageHeading caption={profile.council?.name ?? "The association"}>Hello, {firstName}</PageHeading>
      {learning ? <Learning learning={learning} /> : null}
      {profile.role === "officer" ? (
        <ul className="cards">
          <li>
            <h2 className="heading-m">
              <Link to="/modules">Online modules</Link>
            </h2>
            <p>Read the modules your members can take, with their learning outcomes and sources.</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/council">Your council&apos;s members</Link>
            </h2>
            <p>See which councillors from {profile.council?.name} have accounts.</p>
          </li>
        </ul>
      ) : null}
      {profile.role === "staff" ? (
        <ul className="cards">
          <li>
            <h2 className="heading-m">
              <Link to="/modules">Online modules</Link>
            </h2>
            <p>The published modules as councillors see them.</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/users">Accounts</Link>
            </h2>
            <p>Find people, invite council officers, change roles and deactivate accounts.</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/outbox">Outbox</Link>
            </h2>
            <p>Every email the service has sent or is about to send.</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/audit">Audit log</Link>
            </h2>
            <p>Sign-ins, lockouts, password changes and account changes.</p>
          </li>
        </ul>
      ) : null}
    </>
  );
}

function Learning({ learning }: { learning: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["learning"]> }) {
  const { current, suggestion, certificates } = learning;
  return (
    <>
      {current ? (
        <section className="panel" aria-labelledby="continue-heading">
          <h2 className="heading-m" id="continue-heading">
            Continue where you left off
          </h2>
          <p>
            <Link to={`/modules/${current.moduleId}`}>{current.title}</Link>: about {minutesText(current.minutesLeft)} left.
          </p>
          <ProgressBar percent={current.percent} label="Progress" />
          <p>
            <Link to={current.next.href} className="button">
              Continue: {current.next.label}
            </Link>
          </p>
        </section>
      ) : suggestion ? (
        <section className="panel" aria-labelledby="start-heading">
          <h2 className="heading-m" id="start-heading">
            {learning.completedCount > 0 ? "Start your next module" : "Start your first module"}
          </h2>
          <p>
            <Link to={`/modules/${suggestion.id}`}>{suggestion.title}</Link> (about {minutesText(suggestion.minutes)}): {suggestion.summary}
          </p>
        </section>
      ) : null}
      <p>
        You have completed {learning.completedCount} of {learning.moduleCount} online modules. <Link to="/modules">See all modules</Link>
      </p>
      {certificates.length > 0 ? (
        <>
          <h2>Your certificates</h2>
          <ul>
            {certificates.map((c) => (
              <li key={c.moduleId}>
                <Link to={`/modules/${c.moduleId}/certificate`}>{c.title}</Link>, completed {formatDate(c.completedAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Welcome() {
  return (
    <>
      <PageHeading>Leadership Essentials for councillors</PageHeading>
      <p className="lead">
        Short courses that help elected members in England and Wales lead on hard local issues, online at your own pace and at events with
        other councillors.
      </p>
      <p>
        <Link to="/signup" className="button">
          Create an account
        </Link>
        <Link to="/login" className="button button--secondary">
          Sign in
        </Link>
      </p>
      <h2>What you can learn</h2>
      <ul>
        {TOPICS.map((topic) => (
          <li key={topic}>{topic}</li>
        ))}
      </ul>
      <p>Each online module takes 30 to 60 minutes and works on a phone between meetings.</p>
    </>
  );
}
