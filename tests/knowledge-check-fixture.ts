// A small knowledge check for the tests, in a module of its own with no database behind it, so the pure
// rules' tests (app/learning/core.test.ts) and the database tests (tests/factories.ts) share it.
import type { KnowledgeCheck } from "~/content/schema";

/** Six questions whose right answer is always "b", over three outcomes, all covered by lesson "one". */
export function sampleKnowledgeCheck(): KnowledgeCheck {
  return {
    questions: ["q1", "q2", "q3", "q4", "q5", "q6"].map((id) => ({
      id,
      prompt: `What is the answer to ${id}?`,
      options: [
        { id: "a", text: `Wrong answer to ${id}`, correct: false },
        { id: "b", text: `Right answer to ${id}`, correct: true },
        { id: "c", text: `Another wrong answer to ${id}`, correct: false },
      ],
      explanation: `Explanation for ${id}: b is right because the lesson says so.`,
      outcome: (Number(id.slice(1)) % 3) + 1,
      lesson: "one",
    })),
  };
}
