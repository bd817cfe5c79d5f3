#!/usr/bin/env node
// OpenID Connect identity providers for tests and local runs: several independent providers
// (oidc-provider 9.x) in one process, on one loopback port, each under its own path prefix.
// This is a test and development tool, never a production identity provider.
//
//   node scripts/oidc/provider.mjs CONFIG.json [--port N]      (N = 0 or absent: a free port)
//
// Prints exactly one line to stdout once it listens: `oidc-provider listening on http://127.0.0.1:PORT`;
// everything else (oidc-provider's notices, errors) goes to stderr. SIGTERM/SIGINT stop it.
//
// CONFIG.json:
//   { "providers": [ {
//       "name": "acme",                 issuer http://127.0.0.1:PORT/acme (letters, digits, '-')
//       "alg": "RS256",                 or "ES256": signing keys, id tokens and access tokens
//       "audience": "wellness-platform", `aud` of the access tokens it issues
//       "clients": [ {
//         "client_id": "wellness-pages",
//         "client_secret": "...",        optional; absent = public client (PKCE only)
//         "token_endpoint_auth_method": "client_secret_post",  optional; default client_secret_post
//                                        with a secret, none without
//         "redirect_uris": ["http://127.0.0.1:5000/signin-oidc"],
//         "post_logout_redirect_uris": ["http://127.0.0.1:5000/signout-callback-oidc"],
//         "userinfo_access_tokens": false  optional; true = this client's access tokens are opaque
//                                        tokens for the userinfo endpoint instead of JWTs for the audience
//       } ],
//       "accounts": [ { "id": "alice", "password": "...",
//                       "claims": { "tenant": "acme", "role": "employee", "name": "Alice", "email": "alice@acme.test" } } ]
//   } ] }
//
// Per provider:
//   {issuer}/.well-known/openid-configuration, {issuer}/jwks, /auth, /token, /me, /session/end  (oidc-provider)
//   {issuer}/interaction/{uid}   the login form (GET shows it, POST signs in); consent is granted without asking
//   POST {issuer}/_test/rotate[?drop=true]   new signing key first in the JWKS (old ones kept unless drop) -> { "kid" }
//   POST {issuer}/_test/token  { "sub", "claims", "aud", "expiresIn" } -> { "access_token" } signed with the current key
//       (aud defaults to the audience, expiresIn to 300 s; a negative one makes an expired token; client_id "test"
//       unless the claims name one). The _test routes exist only because this is a test tool.
//
// Login form: inputs labelled "Username" (name username) and "Password" (name password), button "Sign in";
// a wrong password or unknown user shows the form again with "Wrong username or password." (role=alert).
// Logout (end_session with id_token_hint or client_id, and post_logout_redirect_uri) confirms itself in the
// browser with a script and redirects to the post-logout URI.
//
// Scopes: openid, profile (name, given_name, family_name, preferred_username), email (email, email_verified),
// wellness (tenant, role), offline_access. The scopes' claims are in the id token itself too, not only at userinfo.
// Access tokens (RFC 9068 JWTs, typ at+jwt) carry the account's tenant and role. Their resource indicator is the
// audience when that is an absolute URI, else urn:<audience>; it is the default, so clients need not send one.

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

// jose is oidc-provider's own dependency (hoisted), so minting needs no package of its own.
import { calculateJwkThumbprint, importJWK, SignJWT } from 'jose';
import Provider, { errors } from 'oidc-provider';

// Tests read stdout for the listening line only; oidc-provider prints its notices with console.info.
console.info = console.error;
console.log = console.error;

const ttl = {
  AccessToken: 15 * 60,
  AuthorizationCode: 60,
  ClientCredentials: 15 * 60,
  IdToken: 15 * 60,
  Interaction: 15 * 60,
  RefreshToken: 24 * 60 * 60,
  Session: 8 * 60 * 60,
  Grant: 8 * 60 * 60,
};

const scopeClaims = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  email: ['email', 'email_verified'],
  wellness: ['tenant', 'role'],
};

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '0' } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/oidc/provider.mjs CONFIG.json [--port N]');
  process.exit(2);
}
const config = JSON.parse(await readFile(positionals[0], 'utf8'));

const html = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function newKey(alg) {
  const { privateKey } = alg === 'ES256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' };
}

// oidc-provider's own in-memory adapter warns on every start; this one also outlives a key rotation,
// because each provider keeps one store while its Provider instance is rebuilt.
function memoryAdapter() {
  const store = new Map();
  const live = (key) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry?.payload;
  };
  return class {
    constructor(model) { this.model = model; }

    key(id) { return `${this.model}:${id}`; }

    async upsert(id, payload, expiresIn) {
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
      store.set(this.key(id), { payload, expiresAt });
      if (payload.uid) store.set(`uid:${payload.uid}`, { payload: id, expiresAt });
      if (payload.userCode) store.set(`userCode:${payload.userCode}`, { payload: id, expiresAt });
    }

    async find(id) { return live(this.key(id)); }

    async findByUid(uid) { return this.find(live(`uid:${uid}`)); }

    async findByUserCode(code) { return this.find(live(`userCode:${code}`)); }

    async consume(id) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) { store.delete(this.key(id)); }

    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (entry.payload?.grantId === grantId) store.delete(key);
      }
    }
  };
}

function loginPage(tenant, uid, { username = '', error } = {}) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - ${html(tenant.name)}</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto}label,input,button{display:block;width:100%;margin:.3rem 0}
input,button{box-sizing:border-box}input{padding:.4rem}button{padding:.5rem;margin-top:1rem}[role=alert]{color:#a00000;font-weight:bold}</style></head>
<body><main>
<h1>Sign in to ${html(tenant.name)}</h1>
${error ? `<p role="alert">${html(error)}</p>` : ''}
<form method="post" action="${html(`${tenant.prefix}/interaction/${uid}`)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${html(username)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</main></body></html>`;
}

function simplePage(title, message) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title></head>
<body><main><h1>${html(title)}</h1><p>${html(message)}</p></main></body></html>`;
}

function createTenant(definition, origin) {
  const { name, alg = 'RS256', audience, clients = [], accounts = [] } = definition;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(name ?? '')) throw new Error(`provider name ${JSON.stringify(name)} must be letters, digits and '-'`);
  if (!['RS256', 'ES256'].includes(alg)) throw new Error(`provider ${name}: alg must be RS256 or ES256`);
  if (!audience) throw new Error(`provider ${name}: audience is required`);

  const prefix = `/${name}`;
  const resource = URL.parse(audience) ? audience : `urn:${audience}`;
  const accountsById = new Map(accounts.map((a) => [a.id, a]));
  const userinfoClients = new Set(clients.filter((c) => c.userinfo_access_tokens).map((c) => c.client_id));
  const tenant = {
    name, alg, prefix, audience, accountsById,
    issuer: `${origin}${prefix}`,
    keys: [],
    provider: undefined,
    handle: undefined,
  };
  // Kept across rotations, so cookies and stored sessions stay valid when the Provider is rebuilt.
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const Adapter = memoryAdapter();

  tenant.build = () => {
    const provider = new Provider(tenant.issuer, {
      adapter: Adapter,
      jwks: { keys: tenant.keys },
      clients: clients.map((c) => ({
        client_id: c.client_id,
        ...(c.client_secret ? { client_secret: c.client_secret } : {}),
        client_name: c.client_name ?? c.client_id,
        redirect_uris: c.redirect_uris ?? [],
        post_logout_redirect_uris: c.post_logout_redirect_uris ?? [],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: c.token_endpoint_auth_method ?? (c.client_secret ? 'client_secret_post' : 'none'),
        id_token_signed_response_alg: alg,
      })),
      clientDefaults: { id_token_signed_response_alg: alg },
      responseTypes: ['code'],
      // All providers share one host, so each needs its own cookie names.
      cookies: {
        keys: cookieKeys,
        names: { session: `_session_${name}`, interaction: `_interaction_${name}`, resume: `_interaction_resume_${name}` },
      },
      claims: scopeClaims,
      // The .NET OpenIdConnect handler builds its identity from the id token, so the claims go in it.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      ttl,
      findAccount(_ctx, sub) {
        const account = accountsById.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: () => ({ ...account.claims, sub }) };
      },
      extraTokenClaims(_ctx, token) {
        if (token.kind !== 'AccessToken') return undefined;
        const { tenant: claimedTenant, role } = accountsById.get(token.accountId)?.claims ?? {};
        return Object.fromEntries(Object.entries({ tenant: claimedTenant, role }).filter(([, v]) => v !== undefined));
      },
      interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => resource,
          // With openid in scope oidc-provider would otherwise issue a userinfo token, not one for the API.
          useGrantedResource: (ctx) => !userinfoClients.has(ctx.oidc.client?.clientId),
          getResourceServerInfo(_ctx, indicator) {
            if (indicator !== resource) throw new errors.InvalidTarget();
            return { scope: 'api', audience, accessTokenFormat: 'jwt', jwt: { sign: { alg } } };
          },
        },
        rpInitiatedLogout: {
          enabled: true,
          // No confirmation click: the form oidc-provider made is answered "yes" and sent at once.
          async logoutSource(ctx, form) {
            ctx.type = 'html';
            ctx.body = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head>
<body><main><h1>Signing out</h1>
${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>')}
<script>document.getElementById('op.logoutForm').submit()</script>
</main></body></html>`;
          },
          async postLogoutSuccessSource(ctx) {
            ctx.type = 'html';
            ctx.body = simplePage('Signed out', `You are signed out of ${name}.`);
          },
        },
      },
      async renderError(ctx, out) {
        ctx.type = 'html';
        ctx.body = simplePage('Identity provider error', `${out.error}: ${out.error_description ?? ''}`);
      },
    });
    provider.on('server_error', (_ctx, err) => console.error(`[${name}] server error`, err));
    for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'userinfo.error']) {
      provider.on(event, (_ctx, err) => console.error(`[${name}] ${event}: ${err.message} ${err.error_description ?? ''}`));
    }
    tenant.provider = provider;
    tenant.handle = provider.callback();
  };

  return tenant;
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const sendJson = (res, status, value) => send(res, status, 'application/json', JSON.stringify(value));

// Only for tests: a second signing key without a restart, so clients must follow the JWKS.
async function rotate(tenant, drop) {
  const key = await newKey(tenant.alg);
  tenant.keys = drop ? [key] : [key, ...tenant.keys];
  tenant.build();
  return { kid: key.kid };
}

// Only for tests: an access token claiming whatever the test needs, signed like the provider's own.
async function mint(tenant, { sub, claims = {}, aud = tenant.audience, expiresIn = 300 }) {
  if (typeof sub !== 'string' || !sub) throw new Error('sub is required');
  const [current] = tenant.keys;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: 'test', ...claims })
    .setProtectedHeader({ alg: tenant.alg, kid: current.kid, typ: 'at+jwt' })
    .setIssuer(tenant.issuer)
    .setSubject(sub)
    .setAudience(aud)
    .setIssuedAt(now)
    .setExpirationTime(now + Number(expiresIn))
    .setJti(randomUUID())
    .sign(await importJWK(current, tenant.alg));
}

async function interaction(tenant, uid, req, res) {
  const { provider } = tenant;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    return send(res, 400, 'text/html', simplePage('Sign-in expired', `${err.message}. Start signing in again.`));
  }
  if (details.uid !== uid) return send(res, 400, 'text/html', simplePage('Sign-in error', 'This sign-in is not the current one.'));

  const { prompt } = details;
  if (prompt.name === 'consent') {
    // Every configured client is first-party: grant what it asked for without asking the person.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (prompt.name !== 'login') {
    return send(res, 400, 'text/html', simplePage('Sign-in error', `Unsupported prompt ${prompt.name}.`));
  }
  if (req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', loginPage(tenant, uid));
  if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');

  const form = new URLSearchParams(await readBody(req));
  const username = form.get('username') ?? '';
  const account = tenant.accountsById.get(username);
  if (!account || account.password !== form.get('password')) {
    return send(res, 200, 'text/html; charset=utf-8', loginPage(tenant, uid, { username, error: 'Wrong username or password.' }));
  }
  return provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
}

async function route(tenants, req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const [, name, ...rest] = url.pathname.split('/');
  const tenant = tenants.get(name);
  if (!tenant) return sendJson(res, 404, { error: 'not_found', error_description: `no provider at /${name}` });
  const path = `/${rest.join('/')}`;

  if (path === '/_test/rotate' && req.method === 'POST') {
    return sendJson(res, 200, await rotate(tenant, url.searchParams.get('drop') === 'true'));
  }
  if (path === '/_test/token' && req.method === 'POST') {
    let body;
    try {
      body = JSON.parse(await readBody(req) || '{}');
      return sendJson(res, 200, { access_token: await mint(tenant, body) });
    } catch (err) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: err.message });
    }
  }
  const interactionMatch = /^\/interaction\/([^/]+)$/.exec(path);
  if (interactionMatch) return interaction(tenant, interactionMatch[1], req, res);

  // oidc-provider finds its mount path as the part of originalUrl before url (as under Express).
  req.originalUrl = req.url;
  req.url = req.url.slice(tenant.prefix.length) || '/';
  if (!req.url.startsWith('/')) req.url = `/${req.url}`;
  return tenant.handle(req, res);
}

const tenants = new Map();
const server = createServer((req, res) => {
  route(tenants, req, res).catch((err) => {
    console.error(`${req.method} ${req.url}:`, err);
    if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: err.message });
    else res.end();
  });
});

server.listen(Number(values.port), '127.0.0.1', async () => {
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    for (const definition of config.providers ?? []) {
      const tenant = createTenant(definition, origin);
      if (tenants.has(tenant.name)) throw new Error(`provider ${tenant.name} is defined twice`);
      tenant.keys = [await newKey(tenant.alg)];
      tenant.build();
      tenants.set(tenant.name, tenant);
    }
    process.stdout.write(`oidc-provider listening on ${origin}\n`);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
