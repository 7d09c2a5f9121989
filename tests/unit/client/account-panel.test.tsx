// @vitest-environment jsdom
// The account panel: profile, score and its explanation, outreach stage and log. Bios, names, posts
// and notes are social-media or staff text and must reach the screen as text, never as HTML.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../client/api/types.ts';
import { SessionContext } from '../../../client/state/session.ts';
import { AccountPanel } from '../../../client/views/account/AccountPanel.tsx';
import { fakeApi, profile } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const outreachUser: Me['user'] = { name: 'sam', role: 'outreach' } as Me['user'];
const viewer: Me['user'] = { name: 'val', role: 'viewer' } as Me['user'];

function renderPanel(user: Me['user'] = outreachUser, accountId = 'x:1') {
  const handlers = { onClose: vi.fn(), onShowPath: vi.fn(), onShowEgo: vi.fn(), onOpenAccount: vi.fn() };
  render(
    <SessionContext.Provider value={user}>
      <AccountPanel accountId={accountId} {...handlers} />
    </SessionContext.Provider>,
  );
  return handlers;
}

describe('AccountPanel', () => {
  it('shows the profile, the score and why it ranks', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [] } },
    });
    renderPanel();
    const panel = await screen.findByTestId('account-panel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Dr Ana Ruiz');
    expect(panel.textContent).toContain('@dr_ana');
    expect(panel.textContent).toContain('Boston, Massachusetts, US');
    expect(screen.getByTestId('account-score').textContent).toBe('0.812');
    const why = within(screen.getByTestId('account-explanation')).getAllByRole('listitem');
    expect(why.map((li) => li.textContent)).toEqual([
      'Mentioned by 14 accounts in #t1d',
      'Ranks 3rd among diabetes accounts',
    ]);
    expect(screen.getByTestId('account-stage').textContent).toBe('none yet');
    expect(screen.getByText('No contacts yet.')).toBeTruthy();
    // An outreach user can log a contact and move the stage.
    expect(screen.getByRole('form', { name: 'Log a contact' })).toBeTruthy();
    expect(screen.getByLabelText('Move to')).toBeTruthy();
  });

  it('renders a bio, name, posts and notes holding markup as literal text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    fakeApi({
      'GET /api/accounts/x:1': {
        body: profile({
          account: { name: `<b>Ana</b>`, bio: `Nurse ${evil} #T1D` },
          recentPosts: [
            {
              id: 'x:p1',
              createdAt: '2025-03-01T10:00:00Z',
              text: `<script>alert("post")</script> see ${evil}`,
              url: null,
              hashtags: [],
            },
          ],
          explanation: [`Mentioned by <a href="javascript:alert(1)">@x</a>`],
        }),
      },
      'GET /api/outreach/contacts': {
        body: {
          items: [
            {
              id: 'c1',
              accountId: 'x:1',
              at: '2025-03-02T09:00:00Z',
              channel: 'dm',
              note: `<iframe src="https://evil.test"></iframe>`,
              outcome: null,
              by: 'sam',
              createdAt: '2025-03-02T09:00:00Z',
            },
          ],
        },
      },
    });
    renderPanel();
    const panel = await screen.findByTestId('account-panel');
    await waitFor(() => expect(within(panel).getByTestId('contact-log').textContent).toContain('<iframe'));
    expect(panel.querySelector('.bio')!.textContent).toBe(`Nurse ${evil} #T1D`);
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('<b>Ana</b>');
    expect(panel.querySelector('.posts p')!.textContent).toBe(`<script>alert("post")</script> see ${evil}`);
    expect(screen.getByTestId('account-explanation').textContent).toContain('<a href="javascript:alert(1)">');
    // None of it became an element.
    for (const tag of ['img', 'script', 'iframe', 'b']) expect(panel.querySelectorAll(tag)).toHaveLength(0);
    expect(panel.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
  });

  it('links only to http(s) profile URLs', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile({ account: { url: 'javascript:alert(1)' } }) },
      'GET /api/outreach/contacts': { body: { items: [] } },
    });
    renderPanel();
    await screen.findByTestId('account-panel');
    // Without an href the anchor is inert (and not exposed as a link).
    expect(screen.getByText('profile').getAttribute('href')).toBeNull();
    expect(screen.queryByRole('link', { name: 'profile' })).toBeNull();
  });

  it('links an https profile URL in a new tab without an opener', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [] } },
    });
    renderPanel();
    const link = await screen.findByRole('link', { name: 'profile' });
    expect(link.getAttribute('href')).toBe('https://x.com/dr_ana');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('moves the relationship to another stage and shows the new stage', async () => {
    let stage: string | null = null;
    const { calls } = fakeApi({
      'GET /api/accounts/x:1': () => ({
        body: profile({
          outreach: {
            relationship: stage
              ? {
                  accountId: 'x:1',
                  stage: stage as 'following',
                  owner: 'sam',
                  nextStep: null,
                  dueDate: null,
                  updatedAt: '2025-03-03T00:00:00Z',
                  updatedBy: 'sam',
                }
              : null,
            contacts: 0,
          },
        }),
      }),
      'GET /api/outreach/contacts': { body: { items: [] } },
      'PUT /api/outreach/relationships/x:1': (c) => {
        stage = (c.body as { stage: string }).stage;
        return {
          body: {
            accountId: 'x:1',
            stage,
            owner: 'sam',
            nextStep: null,
            dueDate: null,
            updatedAt: '',
            updatedBy: 'sam',
          },
        };
      },
    });
    renderPanel();
    fireEvent.change(await screen.findByLabelText('Move to'), { target: { value: 'following' } });
    await waitFor(() => expect(screen.getByTestId('account-stage').textContent).toBe('Following'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ stage: 'following' });
  });

  it('hides the write controls from a viewer', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [] } },
    });
    renderPanel(viewer);
    await screen.findByTestId('account-panel');
    expect(screen.queryByRole('form', { name: 'Log a contact' })).toBeNull();
    expect(screen.queryByLabelText('Move to')).toBeNull();
  });

  it('says so when the account does not exist, and closes', async () => {
    fakeApi({ 'GET /api/outreach/contacts': { body: { items: [] } } });
    const h = renderPanel(outreachUser, 'x:missing');
    expect((await screen.findByRole('alert')).textContent).toBe('No such account.');
    fireEvent.click(screen.getByRole('button', { name: 'Close account panel' }));
    expect(h.onClose).toHaveBeenCalledTimes(1);
  });
});
