// @vitest-environment jsdom
// The account panel's daily tools: correcting or deleting a logged contact (author or admin only; a
// PHI refusal shown beside the note, nothing lost), the timeline, the panel in plain words, and the
// reminders beside the navigation.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact, Me } from '../../../client/api/types.ts';
import { Reminders, remindersText } from '../../../client/components/Reminders.tsx';
import { SessionContext } from '../../../client/state/session.ts';
import { AccountPanel, type Standing } from '../../../client/views/account/AccountPanel.tsx';
import { topPercent } from '../../../client/lib/words.ts';
import { fakeApi, profile } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const sam = { name: 'sam', role: 'outreach' } as Me['user'];
const olga = { name: 'olga', role: 'outreach' } as Me['user'];
const ada = { name: 'ada', role: 'admin' } as Me['user'];

const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'c1',
  accountId: 'x:1',
  at: '2025-03-02T09:00:00Z',
  channel: 'dm',
  note: 'Sent the webinar invite.',
  outcome: null,
  by: 'sam',
  createdAt: '2025-03-02T09:00:00Z',
  ...over,
});

function renderPanel(user: Me['user'], standing?: Standing) {
  render(
    <SessionContext.Provider value={user}>
      <AccountPanel
        accountId="x:1"
        onClose={() => {}}
        onShowPath={() => {}}
        onShowEgo={() => {}}
        onOpenAccount={() => {}}
        standing={standing}
      />
    </SessionContext.Provider>,
  );
}

describe('editing and deleting a contact in the account panel', () => {
  it('lets the author correct a note; the saved text replaces the old one', async () => {
    let stored = contact();
    const { calls } = fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': () => ({ body: { items: [stored] } }),
      'GET /api/outreach/accounts/x:1/timeline': { body: { items: [] } },
      'PATCH /api/outreach/contacts/c1': (call) => {
        stored = { ...stored, ...(call.body as Partial<Contact>), updatedBy: 'sam' };
        return { body: stored };
      },
    });
    renderPanel(sam);
    const log = await screen.findByTestId('contact-log');
    await waitFor(() => expect(log.textContent).toContain('Sent the webinar invite.'));
    fireEvent.click(within(log).getByRole('button', { name: 'Edit' }));
    const form = within(log).getByRole('form', { name: 'Edit this contact' });
    fireEvent.change(within(form).getByLabelText('Note'), {
      target: { value: 'Sent the invite and slides.' },
    });
    fireEvent.change(within(form).getByLabelText('Channel'), { target: { value: 'email' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(log.textContent).toContain('Sent the invite and slides.'));
    // (the note field holds the new text while saving, so wait for the saved entry itself)
    await waitFor(() => expect(log.textContent).toContain('edited by sam'));
    expect(within(log).queryByRole('form')).toBeNull();
    expect(log.textContent).not.toContain('Sent the webinar invite.');
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      channel: 'email',
      note: 'Sent the invite and slides.',
      outcome: null,
    });
  });

  it('shows the PHI refusal beside the note and keeps the typed text', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [contact()] } },
      'GET /api/outreach/accounts/x:1/timeline': { body: { items: [] } },
      'PATCH /api/outreach/contacts/c1': {
        status: 422,
        body: {
          error: 'phi_detected',
          message: 'body.note holds a phone number at characters 8–20; nothing was saved',
          details: [{ field: 'body.note', kind: 'phone', start: 8, end: 20, message: 'a phone number' }],
        },
      },
    });
    renderPanel(sam);
    const log = await screen.findByTestId('contact-log');
    fireEvent.click(await within(log).findByRole('button', { name: 'Edit' }));
    const note = within(log).getByLabelText('Note');
    fireEvent.change(note, { target: { value: 'Call on 617-555-0134' } });
    fireEvent.click(within(log).getByRole('button', { name: 'Save changes' }));
    const alert = await within(log).findByRole('alert');
    expect(alert.textContent).toMatch(/phone number/);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect((within(log).getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Call on 617-555-0134');
  });

  it('deletes after a confirmation, and offers edit and delete only to the author or an admin', async () => {
    let items = [contact(), contact({ id: 'c2', by: 'olga', note: 'Olga’s call.' })];
    const { calls } = fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': () => ({ body: { items } }),
      'GET /api/outreach/accounts/x:1/timeline': { body: { items: [] } },
      'DELETE /api/outreach/contacts/c1': () => {
        items = items.filter((c) => c.id !== 'c1');
        return { status: 204 };
      },
    });
    renderPanel(sam);
    const log = await screen.findByTestId('contact-log');
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(2));
    const [mine, hers] = within(log).getAllByRole('listitem');
    expect(within(hers!).queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.click(within(mine!).getByRole('button', { name: 'Delete' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(mine!).getByRole('button', { name: 'Delete contact' }));
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(1));
    expect(log.textContent).toContain('Olga’s call.');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/outreach/contacts/c1',
    ]);
  });

  it('gives an admin edit and delete on everyone’s contacts', async () => {
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [contact({ by: 'olga' })] } },
      'GET /api/outreach/accounts/x:1/timeline': { body: { items: [] } },
    });
    renderPanel(ada);
    const log = await screen.findByTestId('contact-log');
    expect(await within(log).findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(within(log).getByRole('button', { name: 'Delete' })).toBeTruthy();
    cleanup();
    fakeApi({
      'GET /api/accounts/x:1': { body: profile() },
      'GET /api/outreach/contacts': { body: { items: [contact({ by: 'sam' })] } },
      'GET /api/outreach/accounts/x:1/timeline': { body: { items: [] } },
    });
    renderPanel(olga);
    const other = await screen.findByTestId('contact-log');
    await waitFor(() => expect(other.textContent).toContain('Sent the webinar invite.'));
    expect(within(other).queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

describe('the account timeline and the panel in plain words', () => {
  it('lists stage moves, next steps, contacts and mentions in order, with post text as text', async () => {
    fakeApi({
      'GET /api/accounts/x:1': {
        body: profile({
          account: { role: 'patient_advocate', specialties: ['type-1-diabetes'] },
          interactions: { inAccounts: 1, inTotal: 1, outAccounts: 1, outTotal: 1 },
          community: { id: 4, label: '#t1d', size: 1 },
          recentPosts: [
            {
              id: 'p1',
              createdAt: '2025-03-01T10:00:00Z',
              text: 'Pump day <b>again</b>',
              url: null,
              hashtags: ['t1d', 'pumplife'],
            },
            { id: 'p2', createdAt: '2025-02-01T10:00:00Z', text: null, url: null, hashtags: [] },
          ],
        }),
      },
      'GET /api/outreach/contacts': { body: { items: [] } },
      'GET /api/outreach/accounts/x:1/timeline': {
        body: {
          items: [
            {
              ...ev,
              at: '2025-03-05T10:00:00Z',
              kind: 'stage',
              by: 'sam',
              stage: 'responded',
              fromStage: 'contacted',
            },
            {
              ...ev,
              at: '2025-03-04T10:00:00Z',
              kind: 'next_step',
              by: 'sam',
              text: 'send kit',
              dueDate: '2025-03-10',
            },
            {
              ...ev,
              at: '2025-03-03T10:00:00Z',
              kind: 'contact',
              by: 'sam',
              channel: 'dm',
              text: 'Said hello',
            },
            {
              ...ev,
              at: '2025-03-02T10:00:00Z',
              kind: 'mention',
              text: '<img src=x> thanks @clinic',
              category: 'praise',
            },
          ],
        },
      },
    });
    renderPanel(sam, { rank: 2, contextSize: 57, label: '#t1d' });
    const timeline = await screen.findByTestId('account-timeline');
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(4));
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('span')!.textContent),
    ).toEqual([
      'Moved from Contacted to Responded',
      'Next step: send kit (due 2025-03-10)',
      'Contact by dm: Said hello',
      'Mentioned us (praise): <img src=x> thanks @clinic',
    ]);
    expect(timeline.querySelectorAll('img')).toHaveLength(0);

    const panel = screen.getByTestId('account-panel');
    const text = panel.textContent!;
    expect(text).not.toMatch(/PageRank|bridge score|bridge 0/);
    expect(text).not.toMatch(/\b1 accounts\b|\b1 interactions\b/);
    expect(text).toContain('Reached by 1 account (1 interaction); it reaches 1 account.');
    expect(text).toContain('#t1d (1 account)');
    expect(screen.getByTestId('account-role').textContent).toBe('patient advocate');
    expect(text).toContain('type 1 diabetes');
    expect(screen.getByTestId('account-standing').textContent).toBe('In #t1d: #2 of 57, top 4 %');
    const posts = screen.getByRole('region', { name: 'Recent posts' });
    expect(posts.textContent).toContain('Pump day <b>again</b>');
    expect(posts.querySelectorAll('b')).toHaveLength(0);
    expect(posts.textContent).toContain('#pumplife');
    expect(posts.textContent).toContain('The import held no text for this post.');
  });

  it('says the context share the way a reader expects', () => {
    expect(topPercent(2, 57)).toBe('top 4 %');
    expect(topPercent(1, 5000)).toBe('top 1 %');
    expect(topPercent(57, 57)).toBe('top 100 %');
  });
});

const ev = {
  by: null,
  stage: null,
  fromStage: null,
  text: null,
  dueDate: null,
  channel: null,
  outcome: null,
  category: null,
  url: null,
  ref: null,
};

describe('reminders', () => {
  const item = (accountId: string, nextStep: string, dueDate: string) => ({
    relationship: {
      accountId,
      stage: 'contacted',
      owner: 'sam',
      nextStep,
      dueDate,
      updatedAt: '',
      updatedBy: 'sam',
    },
    handle: accountId.slice(2),
    name: null,
  });

  it('shows how many next steps are overdue and due today (the user’s date), and opens them', async () => {
    const { calls } = fakeApi({
      'GET /api/outreach/reminders': {
        body: {
          overdue: 2,
          dueToday: 1,
          items: [item('x:a', 'call back', '2025-01-01'), item('x:b', 'send kit', '2025-01-02')],
        },
      },
    });
    const opened: string[] = [];
    const outreach = vi.fn();
    render(<Reminders onOpenOutreach={outreach} onOpenAccount={(id) => opened.push(id)} />);
    expect((await screen.findByTestId('reminders-counts')).textContent).toBe('2 overdue, 1 due today');
    const today = new Date();
    const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(calls[0]!.query.get('today')).toBe(local);
    fireEvent.click(screen.getByRole('button', { name: '@a' }));
    expect(opened).toEqual(['x:a']);
    fireEvent.click(screen.getByRole('button', { name: 'All my next steps' }));
    expect(outreach).toHaveBeenCalled();
  });

  it('says nothing is due when nothing is', async () => {
    fakeApi({ 'GET /api/outreach/reminders': { body: { overdue: 0, dueToday: 0, items: [] } } });
    render(<Reminders onOpenOutreach={() => {}} onOpenAccount={() => {}} />);
    expect(await screen.findByText('Nothing due today.')).toBeTruthy();
    expect(remindersText({ overdue: 0, dueToday: 3 })).toBe('3 due today');
  });
});
