// Words only the server uses in Welsh: validation messages, emails and (also bundled on its own: app/i18n/meta.ts) page titles.
import email from "./email.json";
import meta from "./meta.json";
import validation from "./validation.json";

export default { validation, email, meta };
