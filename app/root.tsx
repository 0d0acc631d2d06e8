import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { errorMeta, RouteErrorBoundary } from "./components/error-boundary";
import { Notice } from "./components/page";
import stylesheet from "./styles/app.css";
import { getUser } from "./utils/auth.server";
import { getFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";
import { can, ROLE_LABELS, isRole } from "./utils/permissions";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = ({ error }) => (error ? errorMeta(error) : [{ title: "Leadership Essentials" }]);

export async function loader(args: LoaderFunctionArgs) {
  // public: every page shows who is signed in, if anyone
  const user = getUser(args);
  const flash = await getFlash(args.request);
  return data(
    { user: user && { id: user.id, name: user.name, role: user.role, councilId: user.councilId }, flash: flash.message },
    flash.setCookie ? { headers: { "Set-Cookie": flash.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader user={rootData?.user ?? null} />
        <div className="width-container">
          <main className="main" id="main-content" tabIndex={-1}>
            {rootData?.flash ? <Notice tone="success">{rootData.flash}</Notice> : null}
            {children}
          </main>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type HeaderUser = { name: string; role: string } | null;

function SiteHeader({ user }: { user: HeaderUser }) {
  return (
    <header className="header">
      <div className="width-container header__inner">
        <Link to="/" className="header__service">
          Leadership Essentials
          <span className="header__tagline">for councillors in England and Wales</span>
        </Link>
        <nav aria-label="Main" className="header__nav">
          <ul>
            {user ? (
              <>
                {navFor(user).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to="/account">Your account</NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Sign in</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">Create an account</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
      {user ? (
        <div className="width-container header__who">
          Signed in as {user.name} ({isRole(user.role) ? ROLE_LABELS[user.role] : user.role})
        </div>
      ) : null}
    </header>
  );
}

function navFor(user: { role: string }) {
  const items = [{ to: "/", label: "Home" }];
  if (can(user, "module:read")) items.push({ to: "/modules", label: "Modules" });
  if (can(user, "council:view-members")) items.push({ to: "/council", label: "Your council" });
  if (can(user, "users:manage")) items.push({ to: "/staff/users", label: "Accounts" });
  if (can(user, "outbox:view")) items.push({ to: "/staff/outbox", label: "Outbox" });
  if (can(user, "audit:view")) items.push({ to: "/staff/audit", label: "Audit log" });
  return items;
}

function SiteFooter() {
  return (
    <footer className="footer">
      <div className="width-container">
        <h2 className="visually-hidden">Support links</h2>
        <ul className="footer__links">
          <li>
            <Link to="/privacy">Privacy notice</Link>
          </li>
          <li>
            <Link to="/accessibility">Accessibility statement</Link>
          </li>
        </ul>
        <p>Leadership Essentials is run by the national association of councils for elected members in England and Wales.</p>
      </div>
    </footer>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
