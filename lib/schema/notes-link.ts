import { Link } from "@tiptap/extension-link";
import { isAllowedLinkHref } from "./is-allowed-link-href";

/**
 * Links inside block text, restricted to http(s)/mailto by
 * {@link isAllowedLinkHref} when parsed, rendered, set or autolinked.
 * Clicking places the cursor instead of opening the page: during a live talk
 * a stray tab switch costs notes.
 */
export const NotesLink = Link.configure({
  protocols: [],
  defaultProtocol: "https",
  openOnClick: false,
  autolink: true,
  isAllowedUri: (url) => isAllowedLinkHref(url),
  shouldAutoLink: (url) => isAllowedLinkHref(url),
});
