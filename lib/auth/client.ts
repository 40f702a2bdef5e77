"use client";
import { createAuthClient } from "better-auth/react";
import { organizationClient } from "better-auth/client/plugins";
import { accessControl, roles } from "@/lib/auth/roles";

export const authClient = createAuthClient({
  plugins: [organizationClient({ ac: accessControl, roles })],
});
