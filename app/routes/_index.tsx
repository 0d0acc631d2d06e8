import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/page";
import { getProfile } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [
  { title: "Leadership Essentials – learning for councillors" },
  { name: "description", content: "Short courses that help councillors in England and Wales lead on hard local issues." },
];

export async function loader(args: LoaderFunctionArgs) {
  // public: signed-out visitors see what the service is; signed-in people see their home
  const user = getUser(args);
  if (!user) return { profile: null };
  return { profile: await getProfile({ userId: user.id }) };
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
  const { profile } = useLoaderData<typeof loader>();
  if (!profile) return <Welcome />;
  const firstName = profile.name.split(" ")[0];
  return (
    <>
      <PageHeading caption={profile.council?.name ?? "The association"}>Hello, {firstName}</PageHeading>
      {profile.role === "councillor" ? (
        <>
          <p className="lead">Your online modules and course bookings will appear here.</p>
          <div className="panel">
            <h2 className="heading-m">Coming soon</h2>
            <p>
              Self-paced modules on counter-extremism, the Prevent duty, community cohesion and more are being prepared. You
              will be able to take them here, on a phone or a computer, and earn a certificate for each.
            </p>
          </div>
        </>
      ) : null}
      {profile.role === "officer" ? (
        <ul className="cards">
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

function Welcome() {
  return (
    <>
      <PageHeading>Leadership Essentials for councillors</PageHeading>
      <p className="lead">
        Short courses that help elected members in England and Wales lead on hard local issues, online at your own pace and at
        events with other councillors.
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
