/**
 * Answers worked out once and kept by key, for work whose answer for a key never changes (a parsed
 * sentence, a written date, a formatter). Past `atMost` answers the oldest is forgotten, so memory stays
 * bounded whatever is asked.
 */
export function keptAnswers<T>(atMost: number): (key: string, work: () => T) => T {
  const kept = new Map<string, T>();
  return (key, work) => {
    if (kept.has(key)) return kept.get(key) as T;
    const answer = work();
    if (kept.size >= atMost) kept.delete(kept.keys().next().value as string);
    kept.set(key, answer);
    return answer;
  };
}
