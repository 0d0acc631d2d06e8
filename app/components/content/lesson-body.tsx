// Renders a compiled lesson (a ContentNode tree, see app/content/tree.ts) with the content components.
// What the councillor has done in the lesson reaches the components through LessonContext.
import { useActionData, useLocation } from "@remix-run/react";
import { createContext, createElement, useContext, type ComponentType, type ReactNode } from "react";
import { ALLOWED_TAGS, type ContentElement, type ContentNode } from "~/content/tree";
import type { FormResult } from "~/utils/forms";
import { keptAnswers } from "~/utils/kept";
import { Callout, Diagram, KeyFact, KnowledgeCheckLink } from "./blocks";
import { CaseStudy, Discussion, Scenario } from "./case-study";
import { Reflection } from "./reflection";

export type LessonState = {
  moduleId: string;
  /** Councillors take modules; staff and officers read them without saving anything */
  canTake: boolean;
  /** The text of the choice made in each case study answered */
  caseStudyAnswers: Record<string, string>;
  reflections: Record<string, { text: string; updatedAt: string | Date }>;
  check: { questionCount: number; passMark: number; bestScore: number | null; passed: boolean };
};

/**
 * A form inside a lesson (a case study's or a reflection's), with one field: the message for that field
 * and what was typed in it if the lesson route's action refused this form (each form posts its own
 * `formId`), and an address that posts to this page's own anchor, so the reader comes back to the form
 * without JavaScript too.
 */
export function useLessonForm(formId: string, field: string) {
  const result = useActionData() as FormResult | undefined;
  const refusal = result?.values.formId === formId ? result : undefined;
  return { action: `${useLocation().pathname}#${formId}`, error: refusal?.fieldErrors[field], typed: refusal?.values[field] };
}

const LessonContext = createContext<LessonState | null>(null);

export function useLesson(): LessonState {
  const state = useContext(LessonContext);
  if (!state) throw new Error("Content components render inside <LessonBody>");
  return state;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const COMPONENTS: Record<string, ComponentType<any>> = {
  Callout,
  KeyFact,
  CaseStudy,
  Scenario,
  Discussion,
  Reflection,
  Diagram,
  KnowledgeCheck: KnowledgeCheckLink,
};

// Parsing the same lesson again on every render would be waste: keep the last few trees by key.
const parsed = keptAnswers<ContentElement>(100);

function treeFor(key: string, json: string): ContentElement {
  return parsed(key, () => JSON.parse(json) as ContentElement);
}

/** `lang`: the language the text is written in, when it is not the page's (see useLangOf). */
export function LessonBody({ body, state, lang }: { body: { key: string; json: string }; state: LessonState; lang?: string }) {
  return (
    <LessonContext.Provider value={state}>
      <div className="prose" lang={lang}>
        {render(treeFor(body.key, body.json).c ?? [])}
      </div>
    </LessonContext.Provider>
  );
}

// The server checked the tree when it compiled it; rendering checks again, so nothing but our tags,
// components and plain props can reach the page even from a tampered cache.
const SAFE_PROPS = new Set(["href", "title", "start", "className", "id", "prompt", "choices", "source", "kind", "name", "alt"]);

function render(nodes: ContentNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (typeof node === "string") return node;
    const type = Object.hasOwn(COMPONENTS, node.t) ? COMPONENTS[node.t]! : ALLOWED_TAGS.has(node.t) ? node.t : null;
    if (!type) return null;
    const props: Record<string, unknown> = { key: index };
    for (const [name, value] of Object.entries(node.p ?? {})) if (SAFE_PROPS.has(name)) props[name] = value;
    return createElement(type, props, ...(node.c ? render(node.c) : []));
  });
}
