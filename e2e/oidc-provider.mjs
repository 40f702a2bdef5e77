// A real OpenID Provider (the `oidc-provider` package, with its development login and consent
// screens) on loopback, for e2e/sso.spec.ts. Usage: node e2e/oidc-provider.mjs <port> <redirect-uri>
//
// GET /__test/mode?id_token=<normal|wrong-audience|expired> makes the token endpoint hand out an ID
// token that is still signed with the provider's own key but was issued for another client, or
// expired an hour ago: the two ways a relying party must refuse a correctly signed token.
import http from "node:http";
import Provider from "oidc-provider";
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from "jose";

const port = Number(process.argv[2] ?? 3190);
const redirectUri = process.argv[3];
if (!redirectUri) throw new Error("usage: oidc-provider.mjs <port> <redirect-uri>");
const issuer = `http://127.0.0.1:${port}`;

const CLIENT = { id: "freehold-e2e", secret: "e2e-client-secret-0123456789abcdef" };

const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const privateJwk = { ...(await exportJWK(privateKey)), kid: "e2e-key", alg: "RS256", use: "sig" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [privateJwk] },
  // The login is the email address; the development login screen accepts any password.
  findAccount: (_ctx, id) => ({
    accountId: id,
    // A login starting "unverified-" is an address the provider has not verified.
    claims: () => ({ sub: `sub-${id}`, email: id, email_verified: !id.startsWith("unverified-"), name: id.split("@")[0].replace(/^./, (c) => c.toUpperCase()) }),
  }),
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the email and name in the ID token too (by default they are only at the userinfo endpoint
  // when an access token is issued); Freehold reads either.
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-cookie-key-0123456789"] },
  features: { devInteractions: { enabled: true } },
});
// Development mode on plain http.
provider.proxy = false;

let idTokenMode = "normal";

provider.use(async (ctx, next) => {
  if (ctx.path === "/__test/mode") {
    idTokenMode = ctx.query.id_token ?? "normal";
    ctx.body = { idTokenMode };
    return;
  }
  await next();
  if (ctx.path === "/token" && ctx.method === "POST" && idTokenMode !== "normal" && ctx.body?.id_token) {
    const claims = decodeJwt(ctx.body.id_token);
    const now = Math.floor(Date.now() / 1000);
    const altered = idTokenMode === "wrong-audience" ? { ...claims, aud: "some-other-application" } : { ...claims, iat: now - 7200, exp: now - 3600 };
    ctx.body = { ...ctx.body, id_token: await new SignJWT(altered).setProtectedHeader({ alg: "RS256", kid: privateJwk.kid, typ: "JWT" }).sign(privateKey) };
  }
});

http.createServer(provider.callback()).listen(port, "127.0.0.1", () => console.log(`oidc-provider ready at ${issuer}`));
