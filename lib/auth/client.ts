"use client";
import { createAuthClient } from "better-auth/react";

// Sign-up, sign-in and sign-out only; organisations are managed through lib/actions/members.ts.
export const authClient = createAuthClient();
