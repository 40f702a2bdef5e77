import { beforeAll, describe, expect, it } from "vitest";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { authorizationUrl, OidcError, pkceChallenge, verifyIdToken } from "./oidc";

// ID token validation (OpenID Connect Core §3.1.3.7) against tokens signed here with a key the
// verifier trusts, and one it does not.

const ISSUER = "https://login.example.com";
const CLIENT_ID = "freehold";
const NONCE = "n-0S6_WzA2Mj";
let sign: (claims: JWTPayload) => Promise<string>;
let signWithStrangerKey: (claims: JWTPayload) => Promise<string>;
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  const trusted = await generateKeyPair("RS256", { extractable: true });
  const stranger = await generateKeyPair("RS256");
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(trusted.publicKey)), kid: "k1", alg: "RS256" }] });
  sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(trusted.privateKey);
  signWithStrangerKey = (claims) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(stranger.privateKey);
});

const now = Math.floor(Date.now() / 1000);
const good = (): JWTPayload => ({ iss: ISSUER, aud: CLIENT_ID, sub: "248289761001", iat: now, exp: now + 300, nonce: NONCE, email: "Ada@Example.com", email_verified: true, name: "Ada" });
const verify = (token: string) => verifyIdToken(token, { keys, issuer: ISSUER, clientId: CLIENT_ID, nonce: NONCE });
const refusal = async (token: string) => {
  try {
    await verify(token);
  } catch (e) {
    return e instanceof OidcError ? e.code : "other";
  }
  return "accepted";
};

describe("verifyIdToken", () => {
  it("accepts a token for this client and returns who it is about", async () => {
    expect(await verify(await sign(good()))).toEqual({ subject: "248289761001", email: "ada@example.com", emailVerified: true, name: "Ada" });
  });

  it("refuses a token issued for another client", async () => {
    expect(await refusal(await sign({ ...good(), aud: "another-app" }))).toBe("wrong_audience");
    // Several audiences need an authorised party that is this client (Core §3.1.3.7 items 4–5).
    expect(await refusal(await sign({ ...good(), aud: [CLIENT_ID, "another-app"] }))).toBe("wrong_audience");
    expect(await refusal(await sign({ ...good(), aud: [CLIENT_ID, "another-app"], azp: "another-app" }))).toBe("wrong_audience");
    expect(await refusal(await sign({ ...good(), aud: [CLIENT_ID, "another-app"], azp: CLIENT_ID }))).toBe("accepted");
  });

  it("refuses an expired token beyond a minute of clock skew, and accepts one within it", async () => {
    expect(await refusal(await sign({ ...good(), iat: now - 7200, exp: now - 3600 }))).toBe("expired");
    expect(await refusal(await sign({ ...good(), exp: now - 30 }))).toBe("accepted");
  });

  it("refuses another issuer, another nonce, a missing subject and a key it does not trust", async () => {
    expect(await refusal(await sign({ ...good(), iss: "https://evil.example" }))).toBe("bad_token");
    expect(await refusal(await sign({ ...good(), nonce: "replayed" }))).toBe("bad_token");
    const { sub: _sub, ...withoutSubject } = good();
    expect(await refusal(await sign(withoutSubject))).toBe("bad_token");
    expect(await refusal(await signWithStrangerKey(good()))).toBe("bad_token");
  });

  it("refuses an unsigned token", async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(good())).toString("base64url")}.`;
    expect(await refusal(unsigned)).toBe("bad_token");
  });
});

describe("authorizationUrl", () => {
  it("asks for a code with PKCE S256, the nonce, the state and the login hint", () => {
    const url = new URL(authorizationUrl("https://login.example.com/authorize?tenant=t1", { clientId: CLIENT_ID, redirectUri: "https://app.example/api/auth/sso/callback", state: "s", nonce: NONCE, codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", loginHint: "ada@example.com" }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "t1",
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: "https://app.example/api/auth/sso/callback",
      scope: "openid email profile",
      state: "s",
      nonce: NONCE,
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      login_hint: "ada@example.com",
    });
  });

  it("computes the RFC 7636 appendix B challenge", () => {
    expect(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });
});
