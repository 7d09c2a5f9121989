// @vitest-environment jsdom
// Logging a contact: the PHI guard's 422 must appear beside the note, keep the text for the user to
// fix, and a good note must be sent as the server expects it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactForm } from '../../../client/views/account/ContactForm.tsx';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PHI_MESSAGE =
  'body.note looks like it contains a phone number at characters 35–47; remove patient identifiers and try again (nothing was saved)';

describe('ContactForm', () => {
  it('shows the PHI guard message next to the note, marks it invalid and keeps the text', async () => {
    fakeApi({
      'POST /api/outreach/contacts': {
        status: 422,
        body: {
          error: 'phi_detected',
          message: PHI_MESSAGE,
          details: [
            {
              field: 'body.note',
              kind: 'phone',
              start: 35,
              end: 47,
              message: 'a phone number at characters 35–47',
            },
          ],
        },
      },
    });
    const onLogged = vi.fn();
    render(<ContactForm accountId="x:1" onLogged={onLogged} />);
    const note = screen.getByLabelText('Note');
    const text = 'Patient asked us to call her back on 617-555-0134';
    fireEvent.change(note, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Log contact' }));

    const error = await screen.findByTestId('contact-note-error');
    expect(error.textContent).toBe(PHI_MESSAGE);
    expect(error.getAttribute('role')).toBe('alert');
    // Tied to the field for screen readers, and placed right after it.
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.getAttribute('aria-describedby')).toBe(error.id);
    expect(note.nextElementSibling).toBe(error);
    expect((note as HTMLTextAreaElement).value).toBe(text);
    expect(onLogged).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('sends a clean note as the JSON body the server expects, then clears the form', async () => {
    const { calls } = fakeApi({
      'POST /api/outreach/contacts': (c) => ({
        status: 201,
        body: { id: 'c1', ...(c.body as object), by: 'demo', createdAt: new Date().toISOString() },
      }),
    });
    const onLogged = vi.fn();
    render(<ContactForm accountId="x:1" onLogged={onLogged} />);
    fireEvent.change(screen.getByLabelText('When'), { target: { value: '2025-03-31T14:05' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Shared the webinar invite.' } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'will join' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log contact' }));

    expect((await screen.findByRole('status')).textContent).toBe('Contact logged');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      accountId: 'x:1',
      at: new Date('2025-03-31T14:05').toISOString(),
      channel: 'email',
      note: 'Shared the webinar invite.',
      outcome: 'will join',
    });
    expect(onLogged).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByLabelText('Outcome') as HTMLInputElement).value).toBe('');
  });

  it('cannot be sent with an empty or blank note', () => {
    fakeApi({});
    render(<ContactForm accountId="x:1" onLogged={() => {}} />);
    const button = screen.getByRole('button', { name: 'Log contact' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: '   ' } });
    expect(button.disabled).toBe(true);
  });

  it('shows a form-level message when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    render(<ContactForm accountId="x:1" onLogged={() => {}} />);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Followed up.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log contact' }));
    await waitFor(() =>
      expect(screen.getByTestId('contact-form-error').textContent).toBe('The server could not be reached'),
    );
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Followed up.');
  });
});
