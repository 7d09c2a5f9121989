// Issue 13, outreach integrity: "Add to pipeline" (stage to_follow) on an account that is further
// along is refused with 409 and changes nothing unless confirmed; only the owner or an admin gives a
// relationship to someone else (403); the owner must be an existing, enabled user (400 naming it).
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Client } from './client.ts';

describe('outreach integrity', () => {
  const suite = useApi();
  let wendy: Client;
  let xavier: Client;
  let admin: Client;
  beforeAll(async () => {
    wendy = await signIn(suite.api, 'wendy', 'outreach');
    xavier = await signIn(suite.api, 'xavier', 'outreach');
    admin = await signIn(suite.api, 'integrity-admin', 'admin');
  });

  const put = (who: Client, id: string, json: unknown) =>
    who.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`, { method: 'PUT', json });
  const get = async (id: string) =>
    (await (await admin.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`)).json()).relationship;
  const auditCount = async (id: string) =>
    (await (await admin.fetch(`/api/audit?target=${encodeURIComponent(`account:${id}`)}`)).json()).items
      .length;

  it('"Add to pipeline" on a responded account is 409 without confirmation, and the stage stays', async () => {
    expect((await put(wendy, 'x:1', { stage: 'responded' })).status).toBe(200);
    const entries = await auditCount('x:1');
    const res = await put(wendy, 'x:1', { stage: 'to_follow' });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toBe('conflict');
    expect(body.message).toMatch(/already at "responded"/);
    expect(body.details[0]).toMatchObject({ field: 'body.stage', current: 'responded' });
    expect((await get('x:1')).stage).toBe('responded');
    expect(await auditCount('x:1')).toBe(entries);
    // Explicitly confirmed, the move back is made and audited.
    const confirmed = await put(wendy, 'x:1', { stage: 'to_follow', confirmBackwards: true });
    expect(confirmed.status).toBe(200);
    expect((await get('x:1')).stage).toBe('to_follow');
    expect(await auditCount('x:1')).toBe(entries + 1);
  });

  it('moving forward, or to the same stage, needs no confirmation', async () => {
    for (const stage of ['following', 'following', 'contacted', 'partner', 'declined', 'partner']) {
      expect((await put(wendy, 'x:2', { stage })).status, stage).toBe(200);
    }
    expect((await put(wendy, 'x:2', { stage: 'contacted' })).status).toBe(409);
  });

  it('only the owner or an admin re-assigns a relationship (403 otherwise)', async () => {
    expect((await put(wendy, 'x:3', { stage: 'contacted' })).status).toBe(200);
    expect((await get('x:3')).owner).toBe('wendy');
    const takeover = await put(xavier, 'x:3', { stage: 'contacted', owner: 'xavier' });
    expect(takeover.status).toBe(403);
    expect((await takeover.json()).details[0].field).toBe('body.owner');
    expect((await get('x:3')).owner).toBe('wendy');
    // Xavier may still move it along without touching the owner.
    expect((await put(xavier, 'x:3', { stage: 'responded' })).status).toBe(200);
    expect((await get('x:3')).owner).toBe('wendy');
    // The owner hands it over; then an admin hands it back.
    expect((await put(wendy, 'x:3', { stage: 'responded', owner: 'xavier' })).status).toBe(200);
    expect((await get('x:3')).owner).toBe('xavier');
    expect((await put(admin, 'x:3', { stage: 'responded', owner: 'wendy' })).status).toBe(200);
    expect((await get('x:3')).owner).toBe('wendy');
  });

  it('the owner must be an existing, enabled user (400 naming body.owner)', async () => {
    const res = await put(wendy, 'x:4', { stage: 'to_follow', owner: 'ghost-user' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.details[0].field).toBe('body.owner');
    expect(await get('x:4')).toBeNull();
    await signIn(suite.api, 'yara', 'outreach');
    expect((await admin.fetch('/api/users/yara/disable', { method: 'POST' })).status).toBe(200);
    expect((await put(wendy, 'x:4', { stage: 'to_follow', owner: 'yara' })).status).toBe(400);
    // The owner is matched in the same normal form as sign-in.
    const ok = await put(wendy, 'x:4', { stage: 'to_follow', owner: ' Xavier' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).owner).toBe('xavier');
  });
});
