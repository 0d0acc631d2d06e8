import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { ModuleStateTag, useMinutesText } from "~/components/progress";
import { getCatalogue } from "~/content/content.server";
import { TOPICS, type Topic } from "~/content/topics";
import { progressForModules } from "~/learning/reader.server";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.catalogue"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:read");
  const { modules } = getCatalogue(args.context.language);
  const topicParam = new URL(args.request.url).searchParams.get("topic");
  const topic = topicParam && Object.hasOwn(TOPICS, topicParam) ? (topicParam as Topic) : null;
  const shown = topic ? modules.filter((m) => m.topic === topic) : modules;
  const progress = can(user, "module:take") ? await progressForModules({ userId: user.id, modules: shown }) : null;
  const topicCounts = Object.entries(TOPICS)
    .map(([key]) => ({ key: key as Topic, count: modules.filter((m) => m.topic === key).length }))
    .filter((t) => t.count > 0);
  return {
    topic,
    topics: topicCounts,
    total: modules.length,
    modules: shown.map((m) => {
      const p = progress?.get(m.id);
      return {
        id: m.id,
        title: m.title,
        summary: m.summary,
        topic: m.topic,
        minutes: m.minutes,
        lessons: m.lessons.length,
        inWelsh: m.languages.includes("cy"),
        state: p ? { state: p.state, percent: p.percent } : null,
      };
    }),
  };
}

export default function Catalogue() {
  const { topic, topics, total, modules } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  const minutesText = useMinutesText();
  return (
    <>
      <PageHeading caption={t("catalogue.caption")}>{t("catalogue.heading")}</PageHeading>
      <p className="lead">{t("catalogue.lead")}</p>
      <nav aria-label={t("catalogue.filter")} className="topic-filter">
        <h2 className="visually-hidden">{t("catalogue.topics")}</h2>
        <ul>
          <li>
            <Link to="/modules" aria-current={topic === null ? "page" : undefined}>
              {t("catalogue.allTopics", { count: total })}
            </Link>
          </li>
          {topics.map((shown) => (
            <li key={shown.key}>
              <Link to={`/modules?topic=${shown.key}`} aria-current={topic === shown.key ? "page" : undefined}>
                {t("catalogue.topicCount", { topic: t(`topics.${shown.key}`), count: shown.count })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {modules.length === 0 ? (
        <p>{t("catalogue.none")}</p>
      ) : (
        <ul className="module-list">
          {modules.map((m) => (
            <li key={m.id} className="module-card">
              <p className="module-card__topic">{t(`topics.${m.topic}`)}</p>
              <h2 className="heading-m module-card__title">
                <Link to={`/modules/${m.id}`}>{m.title}</Link>
              </h2>
              <p>{m.summary}</p>
              <p className="module-card__meta">
                {t("catalogue.lessons", { count: m.lessons, duration: minutesText(m.minutes) })}
                {" · "}
                {t(m.inWelsh ? "writtenIn.both" : "writtenIn.english")}
                {m.state ? (
                  <>
                    {" · "}
                    <ModuleStateTag state={m.state.state} percent={m.state.percent} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
