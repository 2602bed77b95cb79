import "./public.css";

/**
 * Public reading pages (/c/...): server-rendered, no editor code. Their own
 * small stylesheet adds reading typography and the Q&A layout on top of the
 * site's variables and dark mode.
 */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <div className="public">{children}</div>;
}
