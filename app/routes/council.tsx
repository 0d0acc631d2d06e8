import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate, PageHeading } from "~/components/page";
import { getCouncil } from "~/models/council.server";
import { listCouncilMembers } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.council"));

export async function loader(args: LoaderFunctionArgs) {
  const officer = requirePermission(args, "council:view-members");
  // An officer sees their own council only: the council comes from their account, never from the URL.
  if (!officer.councilId) throw new Response("Your account is not attached to a council", { status: 403 });
  const [council, members] = await Promise.all([getCouncil(officer.councilId), listCouncilMembers({ councilId: officer.councilId })]);
  if (!council) throw new Response("Council not found", { status: 404 });
  return { council, members };
}

export default function CouncilMembers() {
  const { council, members } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={council.name}>Your council&apos;s members</PageHeading>
      <p>
        Councillors from {council.name} with a Leadership Essentials account. Their module progress and course bookings will
        appear here as those parts of the service open.
      </p>
      {members.length === 0 ? (
        <p>No councillors from {council.name} have an account yet. Share the sign-up page with your members.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Councillors</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Elected</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td className="wrap">{member.email}</td>
                  <td>{member.electedOn ? formatDate(member.electedOn) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
