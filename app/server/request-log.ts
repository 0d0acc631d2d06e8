// What the request log writes of an address. Logs are kept, copied and read by more people than the data,
// so an address that is itself a key (a calendar feed's secret, an emailed link's token) is written without it.
const SECRET_PATHS = [/^(\/(?:calendar|reset-password|invitation|change-email|confirm-email)\/)[^/?#]*/i];

export function loggedUrl(url: string) {
  return SECRET_PATHS.reduce((logged, pattern) => logged.replace(pattern, "$1[secret]"), url);
}
