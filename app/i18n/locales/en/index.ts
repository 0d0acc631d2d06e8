// The words every page may use in English, by feature: the browser loads this module for a page in this language.
// Officers' and staff pages' words (council.json, staff.json) are chunks of their own, loaded with those routes
// (ROUTE_NAMESPACES in app/i18n/config.ts).
import account from "./account.json";
import auth from "./auth.json";
import common from "./common.json";
import courses from "./courses.json";
import learning from "./learning.json";
import legal from "./legal.json";

export default { common, auth, account, courses, learning, legal };
