// @vitest-environment jsdom
// Admin: the users list, starting an analysis and following its progress, and audit entries whose
// before/after stay readable in a narrow column and are shown as text.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admin, changeText } from '../../../client/views/admin/Admin.tsx';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('changeText', () => {
  it('writes one field per line and leaves out empty ones', () => {
    expect(
      changeText({ accountId: 'x:1', stage: 'contacted', owner: 'demo', nextStep: null, dueDate: '' }),
    ).toBe('accountId: x:1\nstage: contacted\nowner: demo');
  });
  it('shortens long values and long lists of fields', () => {
    const long = changeText({ note: 'a'.repeat(200) });
    expect(long).toBe(`note: ${'a'.repeat(79)}…`);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, i]));
    const lines = changeText(many).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toBe('… 3 more');
  });
  it('shows nothing as a dash, and plain values as JSON', () => {
    expect(changeText(null)).toBe('—');
    expect(changeText(undefined)).toBe('—');
    expect(changeText({ a: null })).toBe('—');
    expect(changeText(['x', 2])).toBe('["x",2]');
    expect(changeText('viewer')).toBe('"viewer"');
  });
});

const job = (status: string, fraction: number | null, phase: string) => ({
  id: 'j1',
  kind: 'analyze',
  status,
  by: 'demo',
  params: {},
  startedAt: '2025-03-01T10:00:00Z',
  finishedAt: status === 'running' ? null : '2025-03-01T10:00:05Z',
  progress: { phase, fraction, message: null },
  error: null,
  result: null,
});

describe('Admin', () => {
  it('lists the users, runs an analysis and follows its progress to the end', async () => {
    let polls = 0;
    const { calls } = fakeApi({
      'GET /api/users': {
        body: {
          items: [
            { name: 'demo', role: 'admin', createdAt: '2025-02-01T09:00:00Z' },
            { name: 'sam', role: 'outreach', createdAt: '2025-02-02T09:00:00Z' },
          ],
        },
      },
      'GET /api/audit': {
        body: {
          items: [
            {
              id: 'a1',
              seq: 1,
              at: '2025-03-01T09:00:00Z',
              actor: 'sam',
              action: 'contact.create',
              target: 'account:x:1',
              before: null,
              after: { note: '<img src=x onerror=alert(1)>', channel: 'dm' },
            },
          ],
          next: null,
        },
      },
      'GET /api/jobs/import-files': {
        body: { folder: 'import', items: [], truncated: false, missing: false },
      },
      'POST /api/jobs': { status: 202, body: job('running', 0, 'starting') },
      'GET /api/jobs/j1': () => {
        polls++;
        return { body: polls < 2 ? job('running', 0.5, 'louvain') : job('succeeded', 1, 'done') };
      },
    });
    render(<Admin onOpenAccount={() => {}} />);
    const users = await screen.findByRole('region', { name: 'Users' });
    await waitFor(() => expect(within(users).getAllByRole('row')).toHaveLength(3));
    // Name, role (now a control an admin can change), state and creation date, cell by cell.
    const sam = within(users).getAllByRole('row')[2]!;
    const cells = [...sam.querySelectorAll('td')];
    expect(cells[0]!.textContent).toBe('sam');
    expect((cells[1]!.querySelector('select') as HTMLSelectElement).value).toBe('outreach');
    expect(cells[2]!.textContent).toBe('active');
    expect(cells[3]!.textContent).toBe('2025-02-02');

    const audit = screen.getByTestId('audit-log');
    await waitFor(() => expect(audit.textContent).toContain('contact.create'));
    expect(audit.querySelectorAll('code.change')[1]!.textContent).toBe(
      'note: <img src=x onerror=alert(1)>\nchannel: dm',
    );
    expect(audit.querySelectorAll('img')).toHaveLength(0);

    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
    const progress = await screen.findByTestId('job-progress');
    expect(progress.textContent).toMatch(/^analyze · running/);
    expect((screen.getByRole('button', { name: 'Run analysis' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ kind: 'analyze' });

    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    await waitFor(() =>
      expect(screen.getByTestId('job-progress').textContent).toMatch(/analyze · running louvain/),
    );
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('50');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    await waitFor(() =>
      expect(screen.getByTestId('job-progress').textContent).toMatch(/^analyze · succeeded done/),
    );
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('100');
    expect((screen.getByRole('button', { name: 'Run analysis' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

const entry = (over: Record<string, unknown>) => ({
  id: String(over.seq),
  at: '2025-03-01T09:00:00Z',
  actor: 'sam',
  action: 'contact.create',
  target: 'account:csv:100051',
  before: null,
  after: null,
  targetHandle: null,
  targetName: null,
  ...over,
});

describe('Admin: ingest from the import folder and the audit log', () => {
  it('lists the import folder as choices and starts an ingest of the files ticked', async () => {
    const { calls } = fakeApi({
      'GET /api/users': { body: { items: [] } },
      'GET /api/audit': { body: { items: [], next: null } },
      'GET /api/jobs/import-files': {
        body: {
          folder: '/data/import',
          items: [
            { name: 'edges.csv', bytes: 2048, modifiedAt: '2025-03-01T09:00:00Z' },
            { name: 'march/accounts.csv', bytes: 3 * 1024 * 1024, modifiedAt: '2025-03-02T09:00:00Z' },
          ],
          truncated: false,
          missing: false,
        },
      },
      'POST /api/jobs': { status: 202, body: { ...job('running', 0, 'starting'), kind: 'ingest' } },
      'GET /api/jobs/j1': { body: { ...job('succeeded', 1, 'done'), kind: 'ingest' } },
    });
    render(<Admin onOpenAccount={() => {}} />);
    const list = await screen.findByTestId('import-files');
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(2));
    expect(list.textContent).toContain('march/accounts.csv');
    expect(list.textContent).toContain('3.0 MB');
    expect(screen.getByText(/Files in the import folder/).textContent).toContain('/data/import');
    const load = screen.getByRole('button', { name: /Load 0 files/ }) as HTMLButtonElement;
    expect(load.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/march\/accounts\.csv/));
    fireEvent.click(screen.getByLabelText(/edges\.csv/));
    fireEvent.click(screen.getByRole('button', { name: 'Load 2 files' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'ingest',
      files: ['edges.csv', 'march/accounts.csv'],
      format: 'auto',
    });
  });

  it('says so when the import folder is missing', async () => {
    fakeApi({
      'GET /api/users': { body: { items: [] } },
      'GET /api/audit': { body: { items: [], next: null } },
      'GET /api/jobs/import-files': {
        body: { folder: 'import', items: [], truncated: false, missing: true },
      },
    });
    render(<Admin onOpenAccount={() => {}} />);
    expect(await screen.findByText(/The import folder does not exist yet/)).toBeTruthy();
  });

  it('names accounts instead of raw ids, links them, filters by who, what and when, and refreshes after a job', async () => {
    let auditCalls = 0;
    const opened: string[] = [];
    const { calls } = fakeApi({
      'GET /api/users': { body: { items: [] } },
      'GET /api/jobs/import-files': {
        body: { folder: 'import', items: [], truncated: false, missing: false },
      },
      'GET /api/audit': () => {
        auditCalls++;
        return {
          body: {
            items:
              auditCalls < 3
                ? [
                    entry({ seq: 2, targetHandle: 'pumpmom', targetName: 'Beth K' }),
                    entry({ seq: 1, action: 'user.create', target: 'user:sam' }),
                  ]
                : [entry({ seq: 3, action: 'job.start', target: 'job:j1', actor: 'demo' })],
            next: null,
          },
        };
      },
      'POST /api/jobs': { status: 202, body: job('running', 0, 'starting') },
      'GET /api/jobs/j1': { body: job('succeeded', 1, 'done') },
    });
    render(<Admin onOpenAccount={(id) => opened.push(id)} />);
    const log = screen.getByTestId('audit-log');
    const link = await within(log).findByRole('button', { name: '@pumpmom · Beth K' });
    expect(log.textContent).not.toContain('account:csv:100051');
    expect(log.textContent).toContain('user sam');
    fireEvent.click(link);
    expect(opened).toEqual(['csv:100051']);

    fireEvent.change(screen.getByLabelText('Who'), { target: { value: 'sam' } });
    fireEvent.change(screen.getByLabelText('What'), { target: { value: 'contact' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(auditCalls).toBe(2));
    const q = calls.filter((c) => c.path === '/api/audit').at(-1)!.query;
    expect(Object.fromEntries(q)).toEqual({
      actor: 'sam',
      action: 'contact',
      from: '2025-03-01',
      to: '2025-03-31',
      limit: '50',
    });

    // A job started from this page shows up in the log without reloading it.
    fireEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
    await waitFor(() => expect(log.textContent).toContain('job.start'));
    expect(auditCalls).toBeGreaterThanOrEqual(3);
  });
});
