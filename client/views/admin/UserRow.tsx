// One user in the Admin page, with the life-cycle actions: role, password reset, disable/enable, end
// sessions, delete. Each action says what happened; deleting and resetting ask a second time.
import { useState, type FormEvent } from 'react';
import {
  deleteUser,
  endUserSessions,
  resetUserPassword,
  setUserDisabled,
  setUserRole,
} from '../../api/endpoints.ts';
import { ROLES, type Role, type User } from '../../api/types.ts';

export function UserRow(props: { user: User; me: string | undefined; onChanged: () => void }) {
  const u = props.user;
  const [msg, setMsg] = useState<string | null>(null);
  const [mode, setMode] = useState<'none' | 'password' | 'delete'>('none');
  const [password, setPassword] = useState('');
  const act = async (what: () => Promise<unknown>, done: string) => {
    setMsg(null);
    try {
      await what();
      setMsg(done);
      setMode('none');
      setPassword('');
      props.onChanged();
    } catch (e) {
      setMsg(e instanceof Error ? e.message : String(e));
    }
  };
  const reset = (e: FormEvent) => {
    e.preventDefault();
    void act(() => resetUserPassword(u.name, password), `New password set; ${u.name} must sign in again`);
  };
  return (
    <tr data-testid={`user-${u.name}`}>
      <td>
        {u.name}
        {u.name === props.me && <span className="muted"> (you)</span>}
      </td>
      <td>
        <select
          aria-label={`Role of ${u.name}`}
          value={u.role}
          onChange={(e) => void act(() => setUserRole(u.name, e.target.value as Role), 'Role changed')}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>{u.disabled ? <strong>disabled</strong> : 'active'}</td>
      <td>{u.createdAt?.slice(0, 10) ?? '—'}</td>
      <td className="user-actions">
        {mode === 'password' ? (
          <form className="inline" onSubmit={reset} aria-label={`New password for ${u.name}`}>
            <input
              type="password"
              autoComplete="new-password"
              aria-label="New password (12+ characters, not easy to guess)"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              minLength={12}
              required
            />
            <button type="submit">Set password</button>
            <button type="button" onClick={() => setMode('none')}>
              Cancel
            </button>
          </form>
        ) : mode === 'delete' ? (
          <span role="group" aria-label={`Confirm deleting ${u.name}`}>
            Delete {u.name}?{' '}
            <button type="button" onClick={() => void act(() => deleteUser(u.name), `${u.name} deleted`)}>
              Delete
            </button>{' '}
            <button type="button" onClick={() => setMode('none')}>
              Keep
            </button>
          </span>
        ) : (
          <span className="buttons">
            <button type="button" onClick={() => setMode('password')}>
              Reset password
            </button>
            <button
              type="button"
              onClick={() =>
                void act(
                  () => setUserDisabled(u.name, !u.disabled),
                  u.disabled ? `${u.name} can sign in again` : `${u.name} is disabled and signed out`,
                )
              }
            >
              {u.disabled ? 'Enable' : 'Disable'}
            </button>
            <button
              type="button"
              onClick={() => void act(() => endUserSessions(u.name), `${u.name} is signed out everywhere`)}
            >
              End sessions
            </button>
            <button type="button" onClick={() => setMode('delete')}>
              Delete…
            </button>
          </span>
        )}
        {msg && (
          <div role="status" className="muted">
            {msg}
          </div>
        )}
      </td>
    </tr>
  );
}
