/** Size limits where input enters, shared by the content scripts (which drop what is over) and the schemas (which refuse it). */
export const LIMITS = {
  /** A link's raw href: longer ones are never sent (a subject URL is far shorter). */
  href: 2048,
  /** Hrefs per `links` message (a page with more sends several). */
  hrefsPerMessage: 5000,
  /** A subject string (`repo:owner/name`, `notice:path`, `thread:hn:id`). */
  subject: 300,
} as const;
