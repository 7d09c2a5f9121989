// @vitest-environment jsdom
// The PHI guard's refusal in the browser: the kind in words beside the note, the refused span
// highlighted in the user's own text (as text, never HTML), the note kept; and the admin's purge.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactForm } from '../../../client/views/account/ContactForm.tsx';
import { PurgeButton } from '../../../client/views/account/PurgeButton.tsx';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PHI refusal highlight', () => {
  it('highlights the span the server names and keeps the note; editing clears the highlight', async () => {
    const text = '<b>hi</b> call mom on ６１７–５５５–０１４３ tonight';
    const start = text.indexOf('６');
    const end = text.indexOf(' tonight');
    fakeApi({
      'POST /api/outreach/contacts': {
        status: 422,
        body: {
          error: 'phi_detected',
          message: `body.note looks like it contains a phone number at characters ${start}–${end}; remove patient identifiers and try again (nothing was saved)`,
          details: [{ field: 'body.note', kind: 'phone', start, end, message: 'a phone number' }],
        },
      },
    });
    render(<ContactForm accountId="x:1" onLogged={() => {}} />);
    const note = screen.getByLabelText('Note') as HTMLTextAreaElement;
    fireEvent.change(note, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Log contact' }));

    const error = await screen.findByTestId('contact-note-error');
    expect(error.textContent).toMatch(/a phone number/);
    const highlight = screen.getByTestId('contact-note-highlight');
    const marks = highlight.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('６１７–５５５–０１４３');
    // The note is shown as text: its markup is not interpreted.
    expect(highlight.querySelector('b')).toBeNull();
    expect(highlight.textContent).toContain('<b>hi</b>');
    expect(note.value).toBe(text);

    fireEvent.change(note, { target: { value: 'call mom tonight' } });
    expect(screen.queryByTestId('contact-note-highlight')).toBeNull();
  });
});

describe('PurgeButton', () => {
  it('asks for a reason, sends it, and reports the purge', async () => {
    const { calls } = fakeApi({
      'POST /api/outreach/contacts/c-1/purge': { status: 200, body: { auditEntriesRedacted: 1 } },
    });
    const onPurged = vi.fn();
    render(<PurgeButton contactId="c-1" onPurged={onPurged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Purge note…' }));
    const confirm = screen.getByRole('button', { name: 'Purge the note' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Reason (no patient details)'), {
      target: { value: 'named a patient' },
    });
    fireEvent.click(confirm);
    await vi.waitFor(() => expect(onPurged).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', '/api/outreach/contacts/c-1/purge', { reason: 'named a patient' }],
    ]);
  });

  it('shows the refusal when the reason itself holds PHI, and stays open', async () => {
    fakeApi({
      'POST /api/outreach/contacts/c-2/purge': {
        status: 422,
        body: {
          error: 'phi_detected',
          message: 'reason looks like it contains a medical record number',
          details: [],
        },
      },
    });
    const onPurged = vi.fn();
    render(<PurgeButton contactId="c-2" onPurged={onPurged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Purge note…' }));
    fireEvent.change(screen.getByLabelText('Reason (no patient details)'), {
      target: { value: 'MRN 5531207' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Purge the note' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/medical record number/);
    expect(onPurged).not.toHaveBeenCalled();
  });
});
