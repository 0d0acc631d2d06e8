export function AccountStatus({ deactivatedAt, invited, emailConfirmedAt }: { deactivatedAt: string | Date | null; invited: boolean; emailConfirmedAt: string | Date | null }) {
  if (deactivatedAt) return <span className="tag tag--red">Deactivated</span>;
  if (invited) return <span className="tag tag--grey">Invited</span>;
  if (!emailConfirmedAt) return <span className="tag tag--grey">Email not confirmed</span>;
  return <span className="tag tag--green">Active</span>;
}
