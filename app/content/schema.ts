// The shape of a module's files (see docs/content.md), for the server and the content check. Pages may
// import its types only: its zod schemas must stay out of the browser.
import { z } from "zod";
import { TOPICS, type Topic } from "./topics";

const topicKeys = Object.keys(TOPICS) as [Topic, ...Topic[]];

const Key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens");

const SourceDate = z.union([
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "write dates as YYYY, YYYY-MM or YYYY-MM-DD"),
  // YAML reads an unquoted 2015-02-12 as a date
  z.date().transform((date) => date.toISOString().slice(0, 10)),
  z.number().int().min(1900).max(2100).transform(String),
]);

export const SourceSchema = z.object({
  title: z.string().min(3),
  publisher: z.string().min(2),
  date: SourceDate.optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** The language the source is published in, when it is not English (its title is cited as published) */
  language: z.enum(["en", "cy"]).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** An English module's title and summary in Welsh, for the catalogue when the module has no Welsh twin. */
export const WelshListingSchema = z.strictObject({
  title: z.string().min(3).max(90),
  summary: z.string().min(20).max(300),
});

export const ModuleFrontmatterSchema = z.strictObject({
  id: Key,
  title: z.string().min(3).max(90),
  summary: z.string().min(20).max(300),
  topic: z.enum(topicKeys),
  audience: z.string().min(3).max(200),
  minutes: z.number().int().min(10).max(120),
  outcomes: z.array(z.string().min(10)).min(3, "list three to five learning outcomes").max(5, "list three to five learning outcomes"),
  version: z.number().int().min(1),
  passMark: z.number().int().min(1).max(100),
  sources: z.array(SourceSchema).min(1, "list the module's sources"),
  /** Only in an English index.mdx: the Welsh title and summary the catalogue shows */
  cy: WelshListingSchema.optional(),
});
export type ModuleFrontmatter = z.infer<typeof ModuleFrontmatterSchema>;

export const LessonFrontmatterSchema = z.strictObject({ title: z.string().min(3).max(90) });

const OptionSchema = z.strictObject({ id: Key, text: z.string().min(1).max(300), correct: z.boolean() });

export const KnowledgeCheckSchema = z.strictObject({
  questions: z
    .array(
      z
        .strictObject({
          id: Key,
          prompt: z.string().min(10),
          options: z.array(OptionSchema).min(2).max(5),
          explanation: z.string().min(10),
          /** Which of the module's learning outcomes it tests (1 = the first) */
          outcome: z.number().int().min(1).max(5),
          /** The slug of the lesson that covers it, shown beside a question answered wrongly */
          lesson: Key,
        })
        .refine((q) => q.options.filter((o) => o.correct).length === 1, {
          message: "needs exactly one correct option",
        })
        .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, { message: "has two options with the same id" }),
    )
    .min(6, "needs at least six questions")
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: "has two questions with the same id" }),
});
export type KnowledgeCheck = z.infer<typeof KnowledgeCheckSchema>;

// Props of the content components, checked when a lesson compiles
export const ComponentPropSchemas = {
  Callout: z.strictObject({ title: z.string().optional(), kind: z.enum(["info", "warning"]).optional() }),
  KeyFact: z.strictObject({ source: z.string().min(3) }),
  CaseStudy: z.strictObject({
    id: Key,
    title: z.string().min(3),
    choices: z.array(z.string().min(2).max(200)).min(2, "give two to four choices").max(4, "give two to four choices"),
  }),
  Scenario: z.strictObject({}),
  Discussion: z.strictObject({}),
  Reflection: z.strictObject({ id: Key, prompt: z.string().min(10) }),
  Diagram: z.strictObject({ name: Key, alt: z.string().min(10) }),
  KnowledgeCheck: z.strictObject({}),
} as const;
export type ContentComponentName = keyof typeof ComponentPropSchemas;
