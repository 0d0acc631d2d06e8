import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "./components/error-boundary";
import { LanguageSwitch } from "./components/language-switch";
import { Notice } from "./components/page";
import { showLanguage } from "./i18n/catalogue.client";
import { HTML_LANG, isLanguage, LANGUAGE_PARAM, LANGUAGES, type Language } from "./i18n/config";
import { languageOf, titleWords } from "./i18n/meta";
import stylesheet from "./styles/app.css";
import { getUser } from "./utils/auth.server";
import { getFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";
import { can, isRole } from "./utils/permissions";
import { appUrl } from "./utils/request.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction<typeof loader> = ({ error, matches }) =>
  error ? errorMeta(error, matches) : [{ title: titleWords(languageOf(matches))("service") }];

export async function loader(args: LoaderFunctionArgs) {
  // public: every page shows who is signed in, if anyone
  const user = getUser(args);
  const flash = await getFlash(args.request);
  const { language } = args.context;
  return data(
    {
      user: user && { id: user.id, name: user.name, role: user.role, councilId: user.councilId },
      flash: flash.message,
      language,
      serviceUrl: appUrl(),
    },
    flash.setCookie ? { headers: { "Set-Cookie": flash.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // An error page without the root's data still knows its language: the one it is rendered in.
  const language: Language = rootData?.language ?? (isLanguage(i18n.language) ? i18n.language : "en");
  return (
    <html lang={HTML_LANG[language]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {rootData ? <LanguageAlternates serviceUrl={rootData.serviceUrl} /> : null}
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          {t("skipLink")}
        </a>
        <SiteHeader user={rootData?.user ?? null} language={language} />
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

/** This page's address in each language, for search engines and browsers (`hreflang`). */
function LanguageAlternates({ serviceUrl }: { serviceUrl: string }) {
  const { pathname, search } = useLocation();
  return LANGUAGES.map((language) => {
    const query = new URLSearchParams(search);
    query.set(LANGUAGE_PARAM, language);
    return <link key={language} rel="alternate" hrefLang={HTML_LANG[language]} href={`${serviceUrl}${pathname}?${query}`} />;
  });
}

type HeaderUser = { name: string; role: string } | null;

function SiteHeader({ user, language }: { user: HeaderUser; language: Language }) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <div className="width-container header__inner">
        <Link to="/" className="header__service">
          {t("service.name")}
          <span className="header__tagline">{t("service.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="header__nav">
          <ul>
            {user ? (
              <>
                {navFor(user).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to="/account">{t("nav.account")}</NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("nav.createAccount")}</NavLink>
                </li>
              </>
            )}
            <li>
              <LanguageSwitch language={language} />
            </li>
          </ul>
        </nav>
      </div>
      {user ? (
        <div className="width-container header__who">
          {t("signedInAs", { name: user.name, role: isRole(user.role) ? t(`roles.${user.role}`) : user.role })}
        </div>
      ) : null}
    </header>
  );
}

function navFor(user: { role: string }) {
  const items: { to: string; label: `nav.${"home" | "modules" | "courses" | "council" | "nationalPicture" | "accounts" | "outbox" | "auditLog"}` }[] = [{ to: "/", label: "nav.home" }];
  if (can(user, "module:read")) items.push({ to: "/modules", label: "nav.modules" });
  if (can(user, "course:book")) items.push({ to: "/courses", label: "nav.courses" });
  if (can(user, "council:view-members")) items.push({ to: "/council", label: "nav.council" });
  if (can(user, "courses:manage")) items.push({ to: "/staff/courses", label: "nav.courses" });
  if (can(user, "reports:national")) items.push({ to: "/staff/reports", label: "nav.nationalPicture" });
  if (can(user, "users:manage")) items.push({ to: "/staff/users", label: "nav.accounts" });
  if (can(user, "outbox:view")) items.push({ to: "/staff/outbox", label: "nav.outbox" });
  if (can(user, "audit:view")) items.push({ to: "/staff/audit", label: "nav.auditLog" });
  return items;
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <div className="width-container">
        <h2 className="visually-hidden">{t("footer.heading")}</h2>
        <ul className="footer__links">
          <li>
            <Link to="/privacy">{t("footer.privacy")}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t("footer.accessibility")}</Link>
          </li>
        </ul>
        <p>{t("footer.about")}</p>
      </div>
    </footer>
  );
}

export default function App() {
  const { language } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  // After the switch, the server answers in the new language: the page's own words follow.
  useEffect(() => {
    void showLanguage(i18n, language);
  }, [i18n, language]);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
