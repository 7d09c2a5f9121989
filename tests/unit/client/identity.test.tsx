// @vitest-environment jsdom
// Admin → Our identity: the lists and first-response targets as the server has them, an edit saved
// in one PUT (trimmed, one term per line), the server's refusal shown at the box it names, and
// "Rescan posts now" started as a job and followed to its result.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Identity } from '../../../client/views/admin/Identity.tsx';
import { DEFAULT_SLA } from '../../../queries/listening/contract.ts';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const IDENTITY = {
  accounts: ['@MercyGeneral'],
  names: ['Mercy General'],
  nicknames: ['Mercy Gen'],
  physicians: ['Dr. Priya Patel'],
  campuses: ['Mercy Westside'],
  hashtags: ['MercyCares'],
  exclusions: ['have mercy'],
  contacts: ['555-010-2000'],
  sla: DEFAULT_SLA,
};

const scanJob = (status: 'running' | 'succeeded', result: unknown = null) => ({
  id: 's1',
  kind: 'scan',
  status,
  by: 'ada',
  params: { kind: 'scan' },
  startedAt: '2026-03-01T10:00:00Z',
  finishedAt: status === 'running' ? null : '2026-03-01T10:00:03Z',
  progress: {
    phase: 'matching posts',
    fraction: status === 'running' ? 0.5 : 1,
    message: '20 of 40 posts read',
  },
  error: null,
  result,
});

describe('Our identity', () => {
  it('shows the lists and targets, and saves an edit in one PUT with one term per line', async () => {
    const { calls } = fakeApi({
      'GET /api/identity': { body: IDENTITY },
      'PUT /api/identity': (c) => ({ body: c.body }),
    });
    render(<Identity />);
    const campuses = (await screen.findByLabelText(/^Campuses/)) as HTMLTextAreaElement;
    expect(campuses.value).toBe('Mercy Westside');
    expect((screen.getByLabelText(/^Not us/) as HTMLTextAreaElement).value).toBe('have mercy');
    expect((screen.getByLabelText('Complaint: hours to answer') as HTMLInputElement).value).toBe('4');
    expect((screen.getByLabelText('Clinical safety: business hours only') as HTMLInputElement).checked).toBe(
      false,
    );

    fireEvent.change(campuses, { target: { value: 'Mercy Westside\n  Mercy Eastside  \n\n' } });
    fireEvent.change(screen.getByLabelText('Complaint: hours to answer'), { target: { value: '2' } });
    fireEvent.click(screen.getByLabelText('Praise: business hours only'));
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));

    await screen.findByText(/^Saved\./);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/identity');
    const body = put.body as typeof IDENTITY;
    expect(body.campuses).toEqual(['Mercy Westside', 'Mercy Eastside']);
    expect(body.names).toEqual(['Mercy General']);
    expect(body.sla.targets.complaint).toEqual({ hours: 2, businessHoursOnly: true });
    expect(body.sla.targets.praise).toEqual({ hours: 16, businessHoursOnly: false });
    // The writes carry the CSRF header path through request(); the box shows what the server kept.
    expect((screen.getByLabelText(/^Campuses/) as HTMLTextAreaElement).value).toBe(
      'Mercy Westside\nMercy Eastside',
    );
  });

  it("shows the server's refusal at the box it names, and keeps what was typed", async () => {
    fakeApi({
      'GET /api/identity': { body: IDENTITY },
      'PUT /api/identity': {
        status: 400,
        body: {
          error: 'bad_request',
          message: 'body.nicknames.1: must be at least 2 characters',
          details: [{ field: 'body.nicknames.1', message: 'must be at least 2 characters' }],
        },
      },
    });
    render(<Identity />);
    const nick = (await screen.findByLabelText(/^Nicknames/)) as HTMLTextAreaElement;
    fireEvent.change(nick, { target: { value: 'Mercy Gen\nM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await screen.findByText('body.nicknames.1: must be at least 2 characters');
    expect(nick.getAttribute('aria-invalid')).toBe('true');
    expect(nick.getAttribute('aria-describedby')).toBe('identity-nicknames-error');
    expect(nick.value).toBe('Mercy Gen\nM');
    expect(screen.queryByText(/^Saved\./)).toBeNull();
  });

  it('starts a rescan as a job and follows it to the result', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let polls = 0;
    const { calls } = fakeApi({
      'GET /api/identity': { body: IDENTITY },
      'POST /api/jobs': { status: 202, body: scanJob('running') },
      'GET /api/jobs/s1': () => {
        polls++;
        return {
          body:
            polls < 2
              ? scanJob('running')
              : scanJob('succeeded', { scanned: 40050, matched: 5347, created: 12 }),
        };
      },
    });
    render(<Identity />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rescan posts now' }));
    expect((await screen.findByTestId('scan-status')).textContent).toMatch(/Rescanning… 20 of 40 posts read/);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ kind: 'scan' });
    expect(screen.getByRole('button', { name: 'Rescan posts now' })).toHaveProperty('disabled', true);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2500);
    });
    await waitFor(
      () =>
        expect(screen.getByTestId('scan-status').textContent).toBe(
          'Rescan done: 40,050 posts read, 5,347 name us, 12 new in the inbox.',
        ),
      // The second poll is scheduled only once the first answer is in; on a busy machine that can
      // land after the advance above, and the clock (advancing with real time) then fires it.
      { timeout: 5000 },
    );
    expect(screen.getByRole('button', { name: 'Rescan posts now' })).toHaveProperty('disabled', false);
  });
});
