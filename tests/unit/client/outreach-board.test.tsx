// @vitest-environment jsdom
// The pipeline board staff live in: cards moved to the next or previous stage from the keyboard (a move
// back is asked for first), the owner filter, the last contact on a card; and the next-step form in the
// account panel, whose refused text (PHI) stays in the field with the reason beside it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, PipelineItem, Stage } from '../../../client/api/types.ts';
import { SessionContext } from '../../../client/state/session.ts';
import { NextStepForm } from '../../../client/views/account/NextStepForm.tsx';
import { agoText, isBackwards, Outreach } from '../../../client/views/outreach/Outreach.tsx';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const user: Me['user'] = { name: 'olive', role: 'outreach' };

function item(
  accountId: string,
  stage: Stage,
  over: Partial<PipelineItem> = {},
  owner = 'olive',
): PipelineItem {
  return {
    relationship: {
      accountId,
      stage,
      owner,
      nextStep: null,
      dueDate: null,
      updatedAt: '2026-11-30T10:00:00Z',
      updatedBy: 'olive',
    },
    handle: accountId.split(':')[1]!,
    name: null,
    contacts: 2,
    lastContactAt: '2026-11-20T09:00:00Z',
    ...over,
  };
}

const counts = { to_follow: 0, following: 0, contacted: 1, responded: 1, partner: 0, declined: 0 };

function board(items: PipelineItem[]) {
  return fakeApi({
    'GET /api/outreach/pipeline': { body: { items, counts } },
    'GET /api/outreach/next-steps': { body: { items: [] } },
    'PUT /api/outreach/relationships/x:amy': (c) => ({
      body: { ...items[0]!.relationship, stage: (c.body as { stage: Stage }).stage },
    }),
    'PUT /api/outreach/relationships/x:ben': (c) => ({
      body: { ...items[1]!.relationship, stage: (c.body as { stage: Stage }).stage },
    }),
  });
}

function renderBoard() {
  return render(
    <SessionContext.Provider value={user}>
      <Outreach onOpen={() => undefined} />
    </SessionContext.Provider>,
  );
}

describe('the pipeline board', () => {
  const items = [item('x:amy', 'contacted', { name: 'Amy Lo' }), item('x:ben', 'responded', {}, 'sam')];

  it('moves a card on to the next stage from its arrow button', async () => {
    const api = board(items);
    renderBoard();
    fireEvent.click(await screen.findByRole('button', { name: 'Move Amy Lo to Responded' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/outreach/relationships/x:amy');
    expect(put.body).toEqual({ stage: 'responded' });
  });

  it('asks before moving a card back, and leaves it when the answer is no', async () => {
    const api = board(items);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderBoard();
    fireEvent.click(await screen.findByRole('button', { name: 'Move ben back to Contacted' }));
    expect(confirm).toHaveBeenCalledWith('Move @ben back from Responded to Contacted?');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move ben back to Contacted' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      stage: 'contacted',
      confirmBackwards: true,
    });
  });

  it('filters by owner on the server and shows the last contact on the card', async () => {
    const api = board(items);
    renderBoard();
    const column = await screen.findByRole('region', { name: 'Contacted' });
    await waitFor(() => expect(column.textContent).toMatch(/2 contacts, last (\d+ days ago|on 2026-11-20)/));
    fireEvent.change(screen.getByRole('combobox', { name: 'Show the cards of' }), {
      target: { value: 'sam' },
    });
    await waitFor(() =>
      expect(
        api.calls.some((c) => c.path === '/api/outreach/pipeline' && c.query.get('owner') === 'sam'),
      ).toBe(true),
    );
  });

  it('offers no moves to a viewer', async () => {
    board(items);
    render(
      <SessionContext.Provider value={{ name: 'vic', role: 'viewer' }}>
        <Outreach onOpen={() => undefined} />
      </SessionContext.Provider>,
    );
    await screen.findByRole('region', { name: 'Contacted' });
    await screen.findByText('Amy Lo');
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });

  it('says when a contact was, in days', () => {
    const today = new Date(2026, 11, 2, 12);
    expect(agoText('2026-12-02T08:00:00Z', today)).toBe('today');
    expect(agoText('2026-12-01T08:00:00Z', today)).toBe('yesterday');
    expect(agoText('2026-11-25T08:00:00Z', today)).toBe('7 days ago');
    expect(agoText('2026-01-05T08:00:00Z', today)).toBe('on 2026-01-05');
    expect(isBackwards('responded', 'to_follow')).toBe(true);
    expect(isBackwards('contacted', 'partner')).toBe(false);
  });
});

describe('the next-step form', () => {
  it('saves the next step, due date and owner, starting a relationship at "to follow"', async () => {
    const api = fakeApi({
      'PUT /api/outreach/relationships/x:amy': { body: item('x:amy', 'to_follow').relationship },
    });
    const onSaved = vi.fn();
    render(<NextStepForm accountId="x:amy" relationship={null} currentUser="olive" onSaved={onSaved} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Next step' }), {
      target: { value: 'Invite to the May webinar' },
    });
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '2026-12-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save next step' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.calls[0]!.body).toEqual({
      stage: 'to_follow',
      nextStep: 'Invite to the May webinar',
      dueDate: '2026-12-15',
      owner: 'olive',
    });
  });

  it('keeps refused text in the field with the reason beside it', async () => {
    fakeApi({
      'PUT /api/outreach/relationships/x:amy': {
        status: 422,
        body: {
          error: 'phi_detected',
          message: 'body.nextStep looks like it contains a phone number at characters 8–20',
          details: [{ field: 'body.nextStep', kind: 'phone', start: 8, end: 20, message: 'a phone number' }],
        },
      },
    });
    const onSaved = vi.fn();
    render(
      <NextStepForm
        accountId="x:amy"
        relationship={item('x:amy', 'contacted').relationship}
        currentUser="olive"
        onSaved={onSaved}
      />,
    );
    const field = screen.getByRole('textbox', { name: 'Next step' }) as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'Call at 617 555 0100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save next step' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/phone number/);
    expect(field.value).toBe('Call at 617 555 0100');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
