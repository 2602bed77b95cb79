/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native SQLite bindings must be loaded by Node, not bundled.
  // yjs and its protocol packages are loaded by Node, not bundled: the collab server (loaded by tsx)
  // and route code run in one process, and two copies of yjs break its constructor checks.
  // @tiptap/y-tiptap stays bundled: it must share Next's copy of prosemirror-model with the schema.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "yjs", "y-protocols", "lib0"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Type errors are caught by `npm run typecheck` (part of `npm run check`); not checking twice keeps builds lean.
  typescript: { ignoreBuildErrors: true },
  // Schedule files (31C3 is 0.4 MB; big conferences several MB) are uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: "20mb" } },
};

export default nextConfig;
