// The words of the pages in Welsh, by feature: the browser loads this module for a page in this language.
import account from "./account.json";
import auth from "./auth.json";
import common from "./common.json";
import council from "./council.json";
import courses from "./courses.json";
import learning from "./learning.json";
import legal from "./legal.json";
import staff from "./staff.json";

export default { common, auth, account, council, courses, learning, staff, legal };
