// No knowledge check can be passed by a pattern instead of knowledge: for every module in content/, over many
// draws, neither always choosing the longest option nor always choosing one position (in the file's order or
// in the order shown) ever reaches the pass mark. A module's twin in another language (its own words, so its own
// option lengths) is tested too.
import { describe, expect, test } from "vitest";
import { drawnCheck, drawQuestions, grade, seededRandom, type Answers } from "~/learning/core";
import { readCatalogue } from "./content.server";
import type { KnowledgeCheck } from "./schema";

const DRAWS = 200;
type Question = KnowledgeCheck["questions"][number];

/** Each strategy picks an option from the options as ordered (in the file, or as shown). */
const strategies: Record<string, (options: Question["options"]) => Question["options"][number] | undefined> = {
  "the longest option": (options) => options.reduce((longest, o) => (o.text.length > longest.text.length ? o : longest)),
  "the 1st option": (options) => options[0],
  "the 2nd option": (options) => options[1],
  "the 3rd option": (options) => options[2],
  "the 4th option": (options) => options[3],
};

const { modules, knowledgeChecks, twins } = readCatalogue();
const written = [
  ...modules.map((m) => [m.id, m, knowledgeChecks.get(m.id)!] as const),
  ...[...twins.values()].flatMap((byId) => [...byId.values()].map((t) => [`${t.module.id} (${t.module.language})`, t.module, t.knowledgeCheck] as const)),
];

describe.each(written)("%s", (_, module, bank) => {
  const fileOrder = new Map(bank.questions.map((q) => [q.id, q.options]));
  const draws = Array.from({ length: DRAWS }, (_, seed) => drawnCheck(bank, drawQuestions(bank, seededRandom(seed)))!);

  test.each(Object.keys(strategies))(`always choosing %s never passes, in the file's order or as shown, over ${DRAWS} draws`, (name) => {
    const choose = strategies[name]!;
    let best = 0;
    for (const asked of draws) {
      for (const order of ["file", "shown"] as const) {
        const answers: Answers = {};
        for (const q of asked.questions) {
          const chosen = choose(order === "file" ? fileOrder.get(q.id)! : q.options);
          if (chosen) answers[q.id] = chosen.id;
        }
        const graded = grade(asked, answers, module.passMark);
        best = Math.max(best, graded.scorePercent);
        expect(graded.passed, `${module.id}: ${name} (${order} order) scored ${graded.correct} of ${graded.total}`).toBe(false);
      }
    }
    // the strategies do score sometimes: the test reads real answers
    expect(best).toBeGreaterThan(0);
  });
});
