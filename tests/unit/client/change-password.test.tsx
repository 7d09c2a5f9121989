// @vitest-environment jsdom
// Changing one's own password from the navigation: both new entries must agree before anything is
// sent, the server's reason (weak password, wrong current one) is shown as it says it, and a change
// says the other sessions were signed out.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangePassword } from '../../../client/components/ChangePassword.tsx';
import { fakeApi } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(current: string, next: string, again: string) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('change my password', () => {
  it('refuses two different new passwords without asking the server', async () => {
    const api = fakeApi({});
    render(<ChangePassword onClose={() => undefined} />);
    fill('old one here', 'meadow lantern violet quartz', 'meadow lantern violet quart');
    expect((await screen.findByRole('alert')).textContent).toBe('The two new passwords differ.');
    expect(api.calls).toHaveLength(0);
  });

  it('sends the current and the new password, and says the other sessions ended', async () => {
    const api = fakeApi({
      'POST /api/auth/password': { body: { user: { name: 'olive', role: 'outreach' }, csrfToken: 't2' } },
    });
    render(<ChangePassword onClose={() => undefined} />);
    fill('old one here', 'meadow lantern violet quartz', 'meadow lantern violet quartz');
    expect((await screen.findByRole('status')).textContent).toMatch(/other sessions were signed out/);
    expect(api.calls[0]!.body).toEqual({
      currentPassword: 'old one here',
      password: 'meadow lantern violet quartz',
    });
  });

  it("shows the server's reason when the new password is refused", async () => {
    fakeApi({
      'POST /api/auth/password': {
        status: 400,
        body: {
          error: 'bad_request',
          message: 'body.password: too easy to guess: this is a commonly used password',
          details: [{ field: 'body.password', message: 'too easy to guess' }],
        },
      },
    });
    render(<ChangePassword onClose={() => undefined} />);
    fill('old one here', 'password1234', 'password1234');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/too easy to guess/));
  });
});
