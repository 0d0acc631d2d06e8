import { expect, test } from "vitest";
import { keptAnswers } from "./kept";

test("each key's work is done once, and its answer given again after", () => {
  const kept = keptAnswers<string>(10);
  let done = 0;
  const work = (answer: string) => () => {
    done += 1;
    return answer;
  };
  expect(kept("a", work("first"))).toBe("first");
  expect(kept("a", work("second"))).toBe("first");
  expect(kept("b", work("other"))).toBe("other");
  expect(done).toBe(2);
});

test("past its limit the oldest answer is forgotten and worked out again; the newer ones are kept", () => {
  const kept = keptAnswers<number>(3);
  const asked: string[] = [];
  const work = (key: string) => () => {
    asked.push(key);
    return asked.length;
  };
  for (const key of ["a", "b", "c", "d"]) kept(key, work(key));
  expect(kept("b", work("b"))).toBe(2);
  expect(kept("d", work("d"))).toBe(4);
  expect(kept("a", work("a"))).toBe(5);
  expect(asked).toEqual(["a", "b", "c", "d", "a"]);
});
