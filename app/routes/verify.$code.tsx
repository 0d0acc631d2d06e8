import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { PageHeading } from "~/components/page";
import { HTML_LANG, LANGUAGES, type Language } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { findModule } from "~/content/content.server";
import { formatCertificateCode, verifyCertificate } from "~/learning/certificates.server";
import { wordsOf } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("pages.verifyResult")), { name: "robots", content: "noindex" }];

/**
 * The result is shown in Welsh and English at once, whatever the page's language (the page's first), so
 * whoever checks a certificate can read it: the browser holds only the page's language, so both come from here.
 */
function wordsInBothLanguages(pageLanguage: Language) {
  return [pageLanguage, ...LANGUAGES.filter((language) => language !== pageLanguage)].map((language) => ({
    language,
    words: wordsOf(language, "learning")("verify", { returnObjects: true }),
  }));
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  // public by design: it confirms the name, module and date on a certificate and shows nothing else
  const certificate = await verifyCertificate(params.code ?? "");
  const inLanguages = wordsInBothLanguages(context.language);
  if (!certificate) return data({ certificate: null, code: params.code ?? "", inLanguages }, { status: 404 });
  return {
    certificate: {
      name: certificate.name,
      // the module's title in each language while it is in the catalogue; else the title it was completed under
      moduleTitles: Object.fromEntries(
        LANGUAGES.map((language) => [language, findModule(certificate.moduleId, language)?.title ?? certificate.moduleTitle]),
      ) as Record<Language, string>,
      completedAt: certificate.completedAt,
      code: formatCertificateCode(certificate.code),
    },
    code: params.code ?? "",
    inLanguages,
  };
}

/** The same words in each language, each marked with its language; the page's language first. */
function Both({ of }: { of: (words: Words, language: Language) => ReactNode }) {
  const { inLanguages } = useLoaderData<typeof loader>();
  return (
    <>
      {inLanguages.map(({ language, words }, index) => (
        <Fragment key={language}>
          {index > 0 ? <br /> : null}
          <span lang={HTML_LANG[language]} className={index > 0 ? "secondary" : undefined}>
            {of(words, language)}
          </span>
        </Fragment>
      ))}
    </>
  );
}

type Words = ReturnType<typeof useLoaderData<typeof loader>>["inLanguages"][number]["words"];

export default function VerifyCertificate() {
  const { certificate, code, inLanguages } = useLoaderData<typeof loader>();
  const [first, ...others] = inLanguages;
  if (!certificate) {
    return (
      <div className="narrow">
        <PageHeading>{first!.words.notFound}</PageHeading>
        {others.map(({ language, words }) => (
          <p key={language} className="lead" lang={HTML_LANG[language]}>
            {words.notFound}
          </p>
        ))}
        {inLanguages.map(({ language, words }) => {
          const [before, after] = words.noCertificate.split(/\{\{\s*code\s*\}\}/);
          return (
            <p key={language} lang={HTML_LANG[language]}>
              {before}
              <strong className="break-anywhere">{code}</strong>
              {after}
            </p>
          );
        })}
        <p>
          <Link to="/verify">
            <Both of={(words) => words.enterAnother} />
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading>{first!.words.genuine}</PageHeading>
      {others.map(({ language, words }) => (
        <p key={language} className="lead" lang={HTML_LANG[language]}>
          {words.genuine}
        </p>
      ))}
      <dl className="summary-list">
        <div>
          <dt>
            <Both of={(words) => words.awardedTo} />
          </dt>
          <dd>{certificate.name}</dd>
        </div>
        <div>
          <dt>
            <Both of={(words) => words.module} />
          </dt>
          <dd>
            <Both of={(_, language) => certificate.moduleTitles[language]} />
          </dd>
        </div>
        <div>
          <dt>
            <Both of={(words) => words.completedOn} />
          </dt>
          <dd>
            <Both of={(_, language) => formatDate(certificate.completedAt, language)} />
          </dd>
        </div>
        <div>
          <dt>
            <Both of={(words) => words.code} />
          </dt>
          <dd>{certificate.code}</dd>
        </div>
      </dl>
      {inLanguages.map(({ language, words }) => (
        <p key={language} lang={HTML_LANG[language]}>
          {words.about}
        </p>
      ))}
    </div>
  );
}
