// The tests Stryker runs against each mutant: those that exercise the domain in-process
// (models, learning, councils, routes called as functions, auth and session helpers). Tests that spawn a
// server or check content files reach the domain only from another process, so they add time
// and kill nothing. The 200-person booking race is left out: it runs for seconds and covers nothing the
// other tests do not.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["app/models/**/*.test.ts", "app/learning/**/*.test.ts", "app/councils/**/*.test.ts", "app/requirements/**/*.test.ts", "app/reports/**/*.test.ts", "app/routes/**/*.test.ts", "app/utils/*.server.test.ts"],
    // the reminders' test also starts processes of its own: seconds per mutant, and rules.test.ts covers the steps
    exclude: [...(base.test?.exclude ?? []), "app/routes/course-booking-race.test.ts", "app/requirements/reminders.server.test.ts"],
  },
});
