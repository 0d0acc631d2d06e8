// The content pipeline: every real module passes the content check, and a broken module is refused with
// the file and the reason. Compiles are cached per content version, in memory and on disk.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, mkdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { checkContent, readingEase } from "./check-content";
import { compileLesson } from "./compile.server";
import { compiledModule, findModule, forgetCompiledModules, getCatalogue, knowledgeCheckFor, lessonBody, readCatalogue } from "./content.server";
import { componentsIn } from "./tree";

describe("the published modules", () => {
  test("all ten pass the content check: they parse, compile and keep to the limits", async () => {
    const { problems, reports } = await checkContent();
    expect(problems).toEqual([]);
    expect(reports.filter((r) => r.language === "en").map((r) => r.id)).toEqual([
      "counter-extremism",
      "prevent-duty",
      "community-cohesion",
      "difficult-conversations",
      "councillor-induction",
      "standards-in-public-office",
      "emergency-planning",
      "scrutinising-prevent",
      "community-leadership",
      "facilitation-and-conflict-resolution",
    ]);
    for (const report of reports) {
      expect(report.words).toBeGreaterThanOrEqual(2500);
      expect(report.words).toBeLessThanOrEqual(report.language === "en" ? 5000 : 6000);
      expect(report.lessons).toBeGreaterThanOrEqual(4);
      expect(report.questions).toBe(8);
      expect(report.bank).toBeGreaterThanOrEqual(12);
      if (report.language === "en") expect(report.readingEase).toBeGreaterThanOrEqual(50);
      else expect(report.readingEase).toBeNull();
    }
    expect(reports.filter((r) => r.language === "cy").map((r) => r.id)).toEqual(["councillor-induction"]);
  }, 60_000);

  test("every knowledge-check question has exactly one correct answer and an explanation", () => {
    const { knowledgeChecks, modules } = readCatalogue();
    expect(knowledgeChecks.size).toBe(modules.length);
    for (const [moduleId, knowledgeCheck] of knowledgeChecks) {
      for (const question of knowledgeCheck.questions) {
        expect(
          question.options.filter((o) => o.correct),
          `${moduleId}/${question.id}`,
        ).toHaveLength(1);
        expect(question.explanation.length).toBeGreaterThan(40);
      }
    }
  });

  test("every module lists its sources and three to five outcomes", () => {
    for (const module of readCatalogue().modules) {
      expect(module.sources.length, module.id).toBeGreaterThan(2);
      expect(module.outcomes.length).toBeGreaterThanOrEqual(3);
      expect(module.outcomes.length).toBeLessThanOrEqual(5);
    }
  });
});

// --- a small module written to a temporary folder, broken one way at a time -----------------------

const FILLER = "Councillors listen to residents, weigh the evidence and explain their decisions in plain words. ";
const words = (n: number) =>
  FILLER.repeat(Math.ceil(n / 14))
    .split(" ")
    .slice(0, n)
    .join(" ");

function writeModule(root: string) {
  const dir = path.join(root, "modules", "01-sample-module");
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(root, "diagrams"), { recursive: true });
  writeFileSync(
    path.join(root, "diagrams", "steps.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Steps</title></svg>',
  );
  writeFileSync(
    path.join(dir, "index.mdx"),
    `---
id: sample-module
title: A sample module
summary: A module written by the tests to check the content pipeline.
topic: standards
audience: Everyone
minutes: 30
outcomes:
  - Explain the first thing clearly
  - Explain the second thing clearly
  - Explain the third thing clearly
version: 1
passMark: 70
sources:
  - title: The Localism Act 2011
    publisher: legislation.gov.uk
    date: 2011-11-15
    url: https://www.legislation.gov.uk/ukpga/2011/20
---

${words(100)}
`,
  );
  const lesson = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n## A heading\n\n${body}\n`;
  writeFileSync(
    path.join(dir, "01-first.mdx"),
    lesson(
      "First lesson",
      `${words(600)}

<CaseStudy id="hall" title="A booking for the hall" choices={["Cancel it", "Check it"]}>
<Scenario>
A group books the hall.
</Scenario>
<Discussion>
Checking is better than acting on rumour.
</Discussion>
</CaseStudy>`,
    ),
  );
  writeFileSync(
    path.join(dir, "02-second.mdx"),
    lesson("Second lesson", `${words(600)}\n\n<Reflection id="your-ward" prompt="What would this look like in your ward?" />`),
  );
  writeFileSync(
    path.join(dir, "03-third.mdx"),
    lesson("Third lesson", `${words(600)}\n\n<Diagram name="steps" alt="Three steps in a row">Step one, then two, then three.</Diagram>`),
  );
  writeFileSync(path.join(dir, "04-fourth.mdx"), lesson("Fourth lesson", `${words(700)}\n\n<KnowledgeCheck />`));
  // twelve questions, four for each outcome and three for each lesson; the right answer in each position
  // three times, and never the longest option
  const lessons = ["first", "second", "third", "fourth"];
  const question = (i: number) => ({
    id: `q${i + 1}`,
    prompt: `Which of these is right for question ${i + 1}?`,
    options: [0, 1, 2, 3].map((position) => ({
      id: "abcd"[position],
      text: position === i % 4 ? "The right one" : `Wrong option ${position}`,
      correct: position === i % 4,
    })),
    explanation: "Because the right one is the right one.",
    outcome: (i % 3) + 1,
    lesson: lessons[i % 4],
  });
  writeFileSync(path.join(dir, "knowledge-check.json"), JSON.stringify({ questions: Array.from({ length: 12 }, (_, i) => question(i)) }, null, 2));
  return dir;
}

describe("the content check on a module with a problem", () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "content-"));
    dir = writeModule(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));

  test("a sound module passes", async () => {
    const { problems, reports } = await checkContent(root);
    expect(problems).toEqual([]);
    expect(reports).toMatchObject([{ id: "sample-module", lessons: 4 }]);
  });

  test("malformed frontmatter names the file and the field", async () => {
    edit("index.mdx", (t) => t.replace("passMark: 70", "passMark: high").replace("topic: standards", "topic: gardening"));
    const { problems } = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe("content/modules/01-sample-module/index.mdx");
    expect(problems[0]!.message).toMatch(/topic/);
    expect(problems[0]!.message).toMatch(/passMark/);
  });

  test("YAML that does not parse is reported, not thrown", async () => {
    edit("index.mdx", (t) => t.replace("title: A sample module", 'title: "unterminated'));
    const { problems } = await checkContent(root);
    expect(problems[0]).toMatchObject({
      file: "content/modules/01-sample-module/index.mdx",
      message: expect.stringMatching(/not valid YAML/),
    });
  });

  test("an unknown component, a bad prop and broken MDX are each refused with the lesson's file, in the introduction too", async () => {
    edit("index.mdx", (t) => `${t}\n<Banner />\n`);
    edit("01-first.mdx", (t) => `${t}\n<Video src="x" />\n`);
    edit("02-second.mdx", (t) => t.replace('id="your-ward"', 'id="Your Ward"'));
    edit("03-third.mdx", (t) => `${t}\n<Callout title="unclosed">\n`);
    const { problems } = await checkContent(root);
    const byFile = Object.fromEntries(problems.map((p) => [path.basename(p.file), p.message]));
    expect(byFile["index.mdx"]).toMatch(/Banner/);
    expect(byFile["01-first.mdx"]).toMatch(/Video/);
    expect(byFile["02-second.mdx"]).toMatch(/<Reflection>: id/);
    expect(byFile["03-third.mdx"]).toBeDefined();
  });

  test("a knowledge-check question with two correct answers, or none, is refused", async () => {
    edit("knowledge-check.json", (t) => {
      const knowledgeCheck = JSON.parse(t);
      knowledgeCheck.questions[1].options[0].correct = true;
      knowledgeCheck.questions[4].options[0].correct = false;
      return JSON.stringify(knowledgeCheck);
    });
    const { problems } = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe("content/modules/01-sample-module/knowledge-check.json");
    expect(problems[0]!.message).toMatch(/questions\.1: needs exactly one correct option/);
    expect(problems[0]!.message).toMatch(/questions\.4: needs exactly one correct option/);
  });

  type BankQuestion = { outcome?: number; lesson?: string; options: { text: string; correct: boolean }[] };
  const editBank = (change: (questions: BankQuestion[]) => void) =>
    edit("knowledge-check.json", (t) => {
      const knowledgeCheck = JSON.parse(t) as { questions: BankQuestion[] };
      change(knowledgeCheck.questions);
      return JSON.stringify(knowledgeCheck);
    });
  const bankProblems = async () =>
    (await checkContent(root)).problems.map((p) => {
      expect(p.file).toBe("content/modules/01-sample-module/knowledge-check.json");
      return p.message;
    });

  test("a bank of fewer than 12 questions is refused", async () => {
    editBank((questions) => questions.splice(11, 1));
    expect(await bankProblems()).toEqual(["has 11 questions: a bank needs at least 12"]);
  });

  test("a question without an outcome or lesson, or naming ones the module does not have, is refused", async () => {
    editBank((questions) => {
      delete questions[0]!.outcome;
      delete questions[1]!.lesson;
    });
    const [missing] = await bankProblems();
    expect(missing).toMatch(/questions\.0\.outcome/);
    expect(missing).toMatch(/questions\.1\.lesson/);

    writeModule(root);
    editBank((questions) => {
      questions[0]!.outcome = 4;
      questions[1]!.lesson = "fifth";
    });
    expect(await bankProblems()).toEqual([
      `question "q1": outcome 4 is not one of the module's 3 learning outcomes`,
      `question "q2": lesson "fifth" is not one of the module's lessons`,
    ]);
  });

  test("a learning outcome tested by fewer than two questions is refused", async () => {
    // outcome 3 (questions 3, 6, 9 and 12) keeps one question
    editBank((questions) => [5, 8, 11].forEach((i) => (questions[i]!.outcome = 1)));
    expect(await bankProblems()).toEqual(["learning outcome 3 has 1 question: each needs at least 2"]);
  });

  test("a bank whose right answer is the longest option in more than a third of its questions is refused", async () => {
    const lengthen = (count: number) =>
      editBank((questions) => questions.slice(0, count).forEach((q) => (q.options.find((o) => o.correct)!.text = "The right one, longer")));
    lengthen(4);
    expect(await bankProblems()).toEqual([]);
    writeModule(root);
    lengthen(5);
    expect(await bankProblems()).toEqual(["the right answer is the longest option in 5 of 12 questions: at most a third may be"]);
  });

  test("a bank whose right answer is in one position in more than half its questions is refused", async () => {
    // moves the right answer of questions 2, 3, 4 and 6 to the first option: 7 of 12 there
    editBank((questions) =>
      [1, 2, 3, 5].forEach((i) => {
        const options = questions[i]!.options;
        const right = options.findIndex((o) => o.correct);
        [options[0], options[right]] = [options[right]!, options[0]!];
      }),
    );
    expect(await bankProblems()).toEqual(["the right answer is option 1 in 7 of 12 questions: at most half may be"]);
  });

  test("the report gives each bank's size, longest-option count and most common answer position", async () => {
    const { reports } = await checkContent(root);
    expect(reports[0]).toMatchObject({ questions: 8, bank: 12, longest: 0, commonPosition: 1, commonPositionCount: 3 });
  });

  test("a lesson over 1,500 words is refused", async () => {
    edit("04-fourth.mdx", (t) => t.replace("<KnowledgeCheck />", `${words(900)}\n\n<KnowledgeCheck />`));
    const { problems } = await checkContent(root);
    expect(problems).toEqual([
      {
        file: "content/modules/01-sample-module/04-fourth.mdx",
        message: expect.stringMatching(/has 16\d\d words: a lesson is at most 1500/),
      },
    ]);
  });

  test("a module without a case study, a reflection or its knowledge-check marker is refused", async () => {
    edit("02-second.mdx", (t) => t.replace(/<Reflection[^>]*\/>/, ""));
    edit("04-fourth.mdx", (t) => t.replace("<KnowledgeCheck />", ""));
    const messages = (await checkContent(root)).problems.map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining(["needs at least one <Reflection>", "needs exactly one <KnowledgeCheck /> (found 0)"]));
  });

  test("two folders with the same module id publish neither", async () => {
    const copy = path.join(root, "modules", "02-sample-module");
    mkdirSync(copy);
    for (const file of readdirSync(dir)) writeFileSync(path.join(copy, file), readFileSync(path.join(dir, file)));
    edit("index.mdx", (t) => t);
    const catalogue = readCatalogue(root);
    expect(catalogue.modules).toEqual([]);
    expect(catalogue.knowledgeChecks.size).toBe(0);
    expect(catalogue.problems.map((p) => p.message)).toContain('two modules have the id "sample-module"');
  });

  test("a diagram that does not exist and a javascript: link are refused", async () => {
    edit("03-third.mdx", (t) =>
      t.replace('name="steps"', 'name="missing"').replace("## A heading", "## A heading\n\n[click](javascript:alert(1))"),
    );
    const { problems } = await checkContent(root);
    expect(problems[0]!.message).toMatch(/missing\.svg does not exist|links need/);
  });

  test("compiles once per content version: memory, then the disk cache after a restart, then again after an edit", async () => {
    process.env.CONTENT_CACHE_DIR = path.join(root, "cache");
    try {
      const module = readCatalogue(root).modules[0]!;
      const first = await compiledModule(module, root);
      expect(await compiledModule(module, root)).toBe(first); // same object: no second compile
      const cacheFile = path.join(root, "cache", `sample-module-${module.hash}.json`);
      expect(readdirSync(path.join(root, "cache"))).toEqual([path.basename(cacheFile)]);
      expect(Object.keys(first.lessons)).toEqual(["first", "second", "third", "fourth"]);

      // a restart reads the disk cache instead of compiling (the marker shows which it used)...
      forgetCompiledModules();
      writeFileSync(cacheFile, readFileSync(cacheFile, "utf8").replace("A heading", "A heading from the cache"));
      expect((await compiledModule(module, root)).lessons.first!.json).toContain("A heading from the cache");
      // ...but checks what it reads: a cached tree with a tag lessons may not hold is compiled again
      forgetCompiledModules();
      writeFileSync(cacheFile, readFileSync(cacheFile, "utf8").replace('"t":"h2"', '"t":"script"'));
      expect((await compiledModule(module, root)).lessons.first!.json).not.toContain("script");

      edit("01-first.mdx", (t) => t.replace("## A heading", "## A new heading"));
      const edited = readCatalogue(root).modules[0]!;
      expect(edited.hash).not.toBe(module.hash);
      const recompiled = await compiledModule(edited, root);
      expect(recompiled.lessons.first!.json).toContain("A new heading");
      // the earlier version's file is gone
      expect(readdirSync(path.join(root, "cache"))).toEqual([`sample-module-${edited.hash}.json`]);
    } finally {
      delete process.env.CONTENT_CACHE_DIR;
      forgetCompiledModules();
    }
  });
});

describe("a module written in Welsh too (a twin in cy/)", () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "content-"));
    dir = writeModule(root);
    mkdirSync(path.join(dir, "cy"));
    for (const file of readdirSync(dir).filter((f) => f !== "cy")) {
      const text = readFileSync(path.join(dir, file), "utf8")
        .replace("title: A sample module", "title: Modiwl enghreifftiol")
        .replace("title: First lesson", "title: Y wers gyntaf")
        .replaceAll("The right one", "Yr un cywir");
      writeFileSync(path.join(dir, "cy", file), text);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const editTwin = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(dir, "cy", file), change(readFileSync(path.join(dir, "cy", file), "utf8")));
  const editTwinBank = (change: (bank: { questions: { id: string; options: { id: string; correct: boolean }[] }[] }) => void) =>
    editTwin("knowledge-check.json", (text) => {
      const bank = JSON.parse(text);
      change(bank);
      return JSON.stringify(bank);
    });

  test("the pipeline reads the twin: its own words, the English module's id, lessons and answers", async () => {
    const catalogue = readCatalogue(root);
    expect(catalogue.problems).toEqual([]);
    const twin = catalogue.twins.get("cy")!.get("sample-module")!;
    expect(twin.module).toMatchObject({ id: "sample-module", title: "Modiwl enghreifftiol", language: "cy", languages: ["en", "cy"] });
    expect(twin.module.dir).toBe(path.join("modules", "01-sample-module", "cy"));
    expect(twin.module.lessons.map((l) => [l.slug, l.title])[0]).toEqual(["first", "Y wers gyntaf"]);
    expect(twin.knowledgeCheck.questions[0]!.options.find((o) => o.correct)!.text).toBe("Yr un cywir");
    expect(catalogue.modules[0]).toMatchObject({ title: "A sample module", language: "en", languages: ["en", "cy"] });

    const { problems, reports } = await checkContent(root);
    expect(problems).toEqual([]);
    expect(reports).toMatchObject([
      { id: "sample-module", language: "en" },
      { id: "sample-module", language: "cy", readingEase: null, bank: 12 },
    ]);
  });

  test("a twin whose knowledge-check ids or right answers differ from the English is refused", async () => {
    editTwinBank((bank) => {
      bank.questions[0]!.id = "q-renamed";
      bank.questions[1]!.options[3]!.id = "e";
      const q3 = bank.questions[2]!;
      const right = q3.options.findIndex((o) => o.correct);
      q3.options.forEach((o, i) => (o.correct = i === (right + 1) % 4));
    });
    const catalogue = readCatalogue(root);
    expect(catalogue.twins.get("cy")!.size).toBe(0);
    // the English module is still published, in English only
    expect(catalogue.modules.map((m) => [m.id, m.languages])).toEqual([["sample-module", ["en"]]]);
    const messages = catalogue.problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'content/modules/01-sample-module/cy/knowledge-check.json: question "q1" of the English bank is missing',
        'content/modules/01-sample-module/cy/knowledge-check.json: question "q-renamed" is not in the English bank: a twin\'s bank has the same questions',
        expect.stringMatching(/question "q2": the options must be the English ones/),
        expect.stringMatching(/question "q3": the right answer is option "[a-d]" but in English it is "c"/),
      ]),
    );
    expect((await checkContent(root)).problems.length).toBeGreaterThanOrEqual(4);
  });

  test("a twin with other lesson files, another id, or its own cy: block is refused", () => {
    renameSync(path.join(dir, "cy", "04-fourth.mdx"), path.join(dir, "cy", "04-pedwerydd.mdx"));
    editTwin("index.mdx", (t) => t.replace("id: sample-module", "id: modiwl-enghreifftiol").replace("passMark: 70", "passMark: 70\ncy:\n  title: Teitl\n  summary: Crynodeb sy'n ddigon hir i'r sgema."));
    const messages = readCatalogue(root).problems.map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/cy: the Welsh title and summary belong in the English index.mdx/)]));
    editTwin("index.mdx", (t) => t.replace(/\ncy:\n.*\n.*\n/, "\n"));
    const again = readCatalogue(root).problems.map((p) => p.message);
    expect(again).toEqual(
      expect.arrayContaining([
        'id "modiwl-enghreifftiol" must be the English module\'s id (sample-module)',
        expect.stringMatching(/the lesson files must be the English module's/),
      ]),
    );
  });

  test("an English module without a twin shows its cy: title and summary in Welsh", () => {
    rmSync(path.join(dir, "cy"), { recursive: true });
    writeFileSync(
      path.join(dir, "index.mdx"),
      readFileSync(path.join(dir, "index.mdx"), "utf8").replace(
        "topic: standards",
        "cy:\n  title: Modiwl enghreifftiol\n  summary: Modiwl a ysgrifennwyd gan y profion.\ntopic: standards",
      ),
    );
    const catalogue = readCatalogue(root);
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.modules[0]).toMatchObject({ title: "A sample module", languages: ["en"], cy: { title: "Modiwl enghreifftiol" } });
  });

  test("the twin compiles and is cached apart from the English module", async () => {
    process.env.CONTENT_CACHE_DIR = path.join(root, "cache");
    try {
      const catalogue = readCatalogue(root);
      const english = catalogue.modules[0]!;
      const twin = catalogue.twins.get("cy")!.get("sample-module")!.module;
      const [en, cy] = [await compiledModule(english, root), await compiledModule(twin, root)];
      expect(cy).not.toBe(en);
      expect(Object.keys(cy.lessons)).toEqual(Object.keys(en.lessons));
      expect(readdirSync(path.join(root, "cache")).sort()).toEqual([`sample-module-${english.hash}.json`, `sample-module-cy-${twin.hash}.json`].sort());
    } finally {
      delete process.env.CONTENT_CACHE_DIR;
      forgetCompiledModules();
    }
  });
});

describe("the catalogue in Welsh", () => {
  test("findModule(…, \"cy\") gives the Welsh twin, or the English module with its Welsh title and summary", async () => {
    const induction = findModule("councillor-induction", "cy")!;
    expect(induction).toMatchObject({ title: "Sefydlu cynghorwyr newydd", language: "cy", languages: ["en", "cy"] });
    // attempts and completions are kept against the English version, so they carry across languages
    expect(induction.version).toBe(findModule("councillor-induction", "en")!.version);
    expect(induction.twinVersion).toBe(1);
    expect(induction.lessons[0]).toMatchObject({ slug: "your-role", title: "Eich rôl fel cynghorydd" });
    expect(findModule("councillor-induction", "en")).toMatchObject({ title: "Induction for new councillors", language: "en", languages: ["en", "cy"] });

    const prevent = findModule("prevent-duty", "cy")!;
    expect(prevent).toMatchObject({ title: "Dyletswydd Prevent", language: "en", languages: ["en"] });
    expect(prevent.lessons[0]!.title).toBe(findModule("prevent-duty", "en")!.lessons[0]!.title);
    expect(findModule("prevent-duty", "en")!.title).toBe("The Prevent duty");

    const welsh = getCatalogue("cy").modules;
    expect(welsh.map((m) => m.id)).toEqual(getCatalogue("en").modules.map((m) => m.id));
    for (const module of welsh) expect(module.title, module.id).not.toBe(findModule(module.id, "en")!.title);

    // the same questions and answers in both languages, in each language's words
    const [en, cy] = [knowledgeCheckFor("councillor-induction", "en")!, knowledgeCheckFor("councillor-induction", "cy")!];
    const answers = (bank: typeof en) => bank.questions.map((q) => [q.id, q.options.map((o) => `${o.id}${o.correct ? "*" : ""}`)]);
    expect(answers(cy)).toEqual(answers(en));
    expect(cy.questions[0]!.prompt).not.toBe(en.questions[0]!.prompt);
    expect(knowledgeCheckFor("prevent-duty", "cy")).toBe(knowledgeCheckFor("prevent-duty", "en"));
  });

  test("a Welsh lesson body is compiled from the twin's files", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "content-cache-"));
    process.env.CONTENT_CACHE_DIR = cache;
    try {
      const body = await lessonBody(findModule("councillor-induction", "cy")!, "your-role");
      expect(body!.json).toContain("Pedair rhan y swydd");
      expect(body!.key).toMatch(/^cy\//);
      expect((await lessonBody(findModule("councillor-induction", "en")!, "your-role"))!.json).toContain("Four parts of the job");
    } finally {
      delete process.env.CONTENT_CACHE_DIR;
      forgetCompiledModules();
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe("compiling a lesson", () => {
  const diagrams = new Set(["steps"]);

  test("turns MDX into a tree of plain elements and content components", async () => {
    const { tree, caseStudies } = await compileLesson(
      `## Why\n\nSome **bold** text and a [link](https://www.gov.uk).\n\n<CaseStudy id="a" title="Title" choices={["Act now", "Wait"]}>\n<Scenario>\nS\n</Scenario>\n<Discussion>\nD\n</Discussion>\n</CaseStudy>\n`,
      { diagrams },
    );
    expect(caseStudies).toEqual(["a"]);
    expect(tree.c![0]).toEqual({ t: "h2", c: ["Why"] });
    expect(componentsIn(tree, "a")[0]!.p).toEqual({ href: "https://www.gov.uk" });
    expect(componentsIn(tree, "CaseStudy")[0]!.c!.map((c) => typeof c !== "string" && c.t)).toEqual(["Scenario", "Discussion"]);
    expect(tree.c![1]).toEqual({
      t: "p",
      c: ["Some ", { t: "strong", c: ["bold"] }, " text and a ", { t: "a", p: { href: "https://www.gov.uk" }, c: ["link"] }, "."],
    });
  });

  test("a table's column alignment becomes a class, never an inline style", async () => {
    const { tree } = await compileLesson("| Year | Referrals |\n| --- | ---: |\n| 2024/25 | 8,778 |\n", { diagrams });
    expect(JSON.stringify(tree)).not.toContain("style");
    expect(componentsIn(tree, "td")[1]!.p).toEqual({ className: "align-right" });
  });

  test("raw HTML, an h1 and a case study without its discussion are refused", async () => {
    await expect(compileLesson('<div onClick="x">hi</div>', { diagrams })).rejects.toThrow(/<div> is not allowed/);
    await expect(compileLesson("# Title", { diagrams })).rejects.toThrow(/start at ##/);
    await expect(
      compileLesson('<CaseStudy id="a" title="Title" choices={["Act now","Wait"]}>\n<Scenario>\nS\n</Scenario>\n</CaseStudy>', {
        diagrams,
      }),
    ).rejects.toThrow(/a <Scenario> then a <Discussion>/);
  });
});

test("reading ease: short plain sentences score high, long latinate ones low", () => {
  expect(readingEase("You can ask. We will help you. The vote is on Monday.")).toBeGreaterThan(80);
  expect(
    readingEase(
      "Notwithstanding the aforementioned considerations, the administrative arrangements necessitate comprehensive organisational reconfiguration.",
    ),
  ).toBeLessThan(10);
});
