// The catalogue's topics: the pages show them, and app/content/schema.ts checks each module names one.
// Kept apart from the schema so the pages can import them without bringing zod into the browser.
export const TOPICS = {
  "counter-extremism": "Counter-extremism and Prevent",
  cohesion: "Community cohesion",
  conversations: "Difficult conversations",
  induction: "Induction",
  standards: "Standards and conduct",
  resilience: "Emergency planning and resilience",
  leadership: "Community leadership",
} as const;
export type Topic = keyof typeof TOPICS;
