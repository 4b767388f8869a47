// The demo's accounts, one per role. Documented in the README; only created
// on the embedded demo database or when MASKWRIGHT_DEMO=1.
export const DEMO_ACCOUNTS = [
  { email: "admin@maskwright.local", name: "Ada Admin", password: "admin-demo-pass", role: "admin" },
  { email: "manager@maskwright.local", name: "Max Manager", password: "manager-demo-pass", role: "manager" },
  { email: "annotator@maskwright.local", name: "Ana Annotator", password: "annotator-demo-pass", role: "annotator" },
  { email: "reviewer@maskwright.local", name: "Rey Reviewer", password: "reviewer-demo-pass", role: "reviewer" },
] as const;
