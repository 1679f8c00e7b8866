import { en } from '../admin/src/i18n/en.ts';
const base = 'http://127.0.0.1:4731';
const { token } = (await (await fetch(`${base}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', role: 'manager', name: 'x' }) })).json()) as { token: string };
const fields = new Map<string, Set<string>>();
let after: string | null = null;
for (let i = 0; i < 30; i++) {
  const r = (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'query($a: String) { auditLog(first: 100, after: $a) { edges { node { entityType action changes { field } } } pageInfo { hasNextPage endCursor } } }', variables: { a: after } }) })).json()) as any;
  for (const e of r.data.auditLog.edges) for (const c of e.node.changes) { const s = fields.get(e.node.entityType) ?? new Set(); s.add(c.field); fields.set(e.node.entityType, s); }
  if (!r.data.auditLog.pageInfo.hasNextPage) break;
  after = r.data.auditLog.pageInfo.endCursor;
}
const auditFields = (en as any).kindling.audit.fields;
const res = (en as any).resources;
for (const [type, fs] of fields) {
  const missing = [...fs].filter((f) => !auditFields[f] && !Object.values(res).some((r: any) => r.fields?.[f]));
  console.log(type, 'missing:', missing.join(', '));
}
