// Runs in the browser before the app's own code. The CSP (lib/security-headers.ts) has no
// 'unsafe-eval'; zod builds a compiled fast path for object schemas after probing `new Function`,
// a probe the browser blocks and reports as a CSP violation. Without eval, zod validates the same
// way, only without that fast path.
// Only zod's small core module: pages that validate nothing do not ship the schema library.
import { config } from "zod/v4/core";

config({ jitless: true });
